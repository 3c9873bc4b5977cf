package nl.preventiefonds.application;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;

/**
 * An upload the malware scanner flagged. Kept as evidence for the administrators, never served: no download reads
 * this table, and its bytes are not even mapped for reading outside this class.
 */
@Entity
@Table(name = "quarantined_file")
public class QuarantinedFile implements Serializable {
    private static final long serialVersionUID = 1L;
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "application_id", nullable = false)
    private long applicationId;

    @Column(name = "municipality_id", nullable = false)
    private long municipalityId;

    @Column(name = "report_request_id")
    private Long reportRequestId;

    @Column(nullable = false, length = 200)
    private String filename;

    @Column(name = "media_type", nullable = false, length = 120)
    private String mediaType;

    @Column(name = "size_bytes", nullable = false)
    private long sizeBytes;

    @Column(nullable = false, length = 64)
    private String sha256;

    @Column(nullable = false, length = 300)
    private String signature;

    @Column(name = "uploaded_at", nullable = false)
    private Instant uploadedAt;

    @Column(name = "uploaded_by", nullable = false, length = 254)
    private String uploadedBy;

    @Column(name = "scanned_at", nullable = false)
    private Instant scannedAt;

    @Lob
    @Basic(fetch = FetchType.LAZY)
    @Column(nullable = false)
    private byte[] content;

    protected QuarantinedFile() {
    }

    QuarantinedFile(long applicationId, long municipalityId, Long reportRequestId, String filename, String mediaType,
                    byte[] content, String signature, Instant now, String uploadedBy) {
        this.applicationId = applicationId;
        this.municipalityId = municipalityId;
        this.reportRequestId = reportRequestId;
        this.filename = filename;
        this.mediaType = mediaType;
        this.sizeBytes = content.length;
        this.sha256 = Hashes.sha256(content);
        this.signature = signature.length() > 300 ? signature.substring(0, 300) : signature;
        this.uploadedAt = now;
        this.scannedAt = now;
        this.uploadedBy = uploadedBy;
        this.content = content;
    }

    public Long getId() {
        return id;
    }

    public long getApplicationId() {
        return applicationId;
    }

    public long getMunicipalityId() {
        return municipalityId;
    }

    public Long getReportRequestId() {
        return reportRequestId;
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

    public String getSignature() {
        return signature;
    }

    public Instant getUploadedAt() {
        return uploadedAt;
    }

    public String getUploadedBy() {
        return uploadedBy;
    }

    public Instant getScannedAt() {
        return scannedAt;
    }
}
