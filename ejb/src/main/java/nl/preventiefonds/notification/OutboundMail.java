package nl.preventiefonds.notification;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;

/** A mail waiting in (or delivered from) the outbox. */
@Entity
@Table(name = "outbound_mail")
public class OutboundMail implements Serializable {
    private static final long serialVersionUID = 1L;
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private String recipient;

    @Column(nullable = false, length = 300)
    private String subject;

    @Column(nullable = false, length = 8000)
    private String body;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "sent_at")
    private Instant sentAt;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "last_error", length = 500)
    private String lastError;

    @Column(name = "attachment_name", length = 200)
    private String attachmentName;

    @Column(name = "attachment_media_type", length = 120)
    private String attachmentMediaType;

    @jakarta.persistence.Lob
    @Column(name = "attachment_content")
    private byte[] attachmentContent;

    protected OutboundMail() {
    }

    OutboundMail(String recipient, String subject, String body, Instant createdAt) {
        this.recipient = recipient;
        this.subject = subject;
        this.body = body;
        this.createdAt = createdAt;
    }

    void attach(String name, String mediaType, byte[] content) {
        attachmentName = name;
        attachmentMediaType = mediaType;
        attachmentContent = content.clone();
    }

    public boolean hasAttachment() {
        return attachmentContent != null;
    }

    public String getAttachmentName() {
        return attachmentName;
    }

    public String getAttachmentMediaType() {
        return attachmentMediaType;
    }

    public byte[] getAttachmentContent() {
        return attachmentContent == null ? null : attachmentContent.clone();
    }

    void markSent(Instant when) {
        sentAt = when;
        attempts++;
        lastError = null;
    }

    void markFailed(String error) {
        attempts++;
        lastError = error == null ? "unknown" : error.substring(0, Math.min(error.length(), 500));
    }

    public Long getId() {
        return id;
    }

    public String getRecipient() {
        return recipient;
    }

    public String getSubject() {
        return subject;
    }

    public String getBody() {
        return body;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getSentAt() {
        return sentAt;
    }

    public int getAttempts() {
        return attempts;
    }
}
