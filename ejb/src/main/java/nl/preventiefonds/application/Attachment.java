package nl.preventiefonds.application;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;

/** An uploaded file's facts; its bytes are in AttachmentContent, loaded only on download. */
@Entity
@Table(name = "attachment")
public class Attachment implements Serializable {
    private static final long serialVersionUID = 1L;
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "application_id", nullable = false)
    private Application application;

    @Column(nullable = false, length = 200)
    private String filename;

    @Column(name = "media_type", nullable = false, length = 120)
    private String mediaType;

    @Column(name = "size_bytes", nullable = false)
    private long sizeBytes;

    @Column(nullable = false, length = 64)
    private String sha256;

    @Column(name = "uploaded_at", nullable = false)
    private Instant uploadedAt;

    @Column(name = "uploaded_by", nullable = false, length = 254)
    private String uploadedBy;

    /** Set when the file belongs to a report rather than to the application itself. */
    @Column(name = "report_request_id")
    private Long reportRequestId;

    /** Set when the file belongs to a message of the application's conversation (a note's file is staff-only). */
    @Column(name = "thread_message_id")
    private Long threadMessageId;

    @Enumerated(EnumType.STRING)
    @Column(name = "scan_status", nullable = false, length = 20)
    private ScanStatus scanStatus = ScanStatus.NOT_SCANNED;

    @Column(name = "scanned_at")
    private Instant scannedAt;

    protected Attachment() {
    }

    Attachment(Application application, String filename, String mediaType, long sizeBytes, String sha256,
               Instant uploadedAt, String uploadedBy) {
        this.application = application;
        this.filename = filename;
        this.mediaType = mediaType;
        this.sizeBytes = sizeBytes;
        this.sha256 = sha256;
        this.uploadedAt = uploadedAt;
        this.uploadedBy = uploadedBy;
    }

    void belongToReportRequest(long requestId) {
        this.reportRequestId = requestId;
    }

    void belongToThreadMessage(long messageId) {
        this.threadMessageId = messageId;
    }

    public Long getThreadMessageId() {
        return threadMessageId;
    }

    void scanned(UploadScan.Outcome outcome) {
        this.scanStatus = outcome.status();
        this.scannedAt = outcome.scannedAt();
    }

    public ScanStatus getScanStatus() {
        return scanStatus;
    }

    public Instant getScannedAt() {
        return scannedAt;
    }

    public Long getReportRequestId() {
        return reportRequestId;
    }

    public Long getId() {
        return id;
    }

    public Application getApplication() {
        return application;
    }

    public String getFilename() {
        return filename;
    }

    public String getMediaType() {
        return mediaType;
    }

    public long getSizeBytes() {
        return sizeBytes;
    }

    public String getSha256() {
        return sha256;
    }

    public Instant getUploadedAt() {
        return uploadedAt;
    }

    public String getUploadedBy() {
        return uploadedBy;
    }
}
