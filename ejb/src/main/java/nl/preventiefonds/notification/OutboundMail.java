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

    /** When the worker may try (again); null once sent or failed. */
    @Column(name = "next_attempt_at")
    private Instant nextAttemptAt;

    /** Temporary failures are retried until this moment (72 hours after queueing or after a resend). */
    @Column(name = "retry_until")
    private Instant retryUntil;

    @Column(name = "last_attempt_at")
    private Instant lastAttemptAt;

    /** Given up: a permanent SMTP refusal, or still undeliverable at the retry deadline. Never deleted for it. */
    @Column(name = "failed_at")
    private Instant failedAt;

    /** The Message-ID header of every copy sent, so a copy sent twice after a crash is recognisable as the same. */
    @Column(name = "message_id", length = 200, unique = true)
    private String messageId;

    /** The municipality whose fund managers see this mail on their outbox screen; none: installation only. */
    @Column(name = "municipality_id")
    private Long municipalityId;

    /** The municipality's mail template version the text was made from; null: the built-in text. */
    @Column(name = "template_version_id", updatable = false)
    private Long templateVersionId;

    /** That template as the administrator knows it ("verzoek om aanvulling v3"). */
    @Column(name = "template_label", length = 80, updatable = false)
    private String templateLabel;

    protected OutboundMail() {
    }

    OutboundMail(String recipient, String subject, String body, Instant createdAt, String messageId,
                 Long municipalityId) {
        this.recipient = recipient;
        this.subject = subject;
        this.body = body;
        this.createdAt = createdAt;
        this.messageId = messageId;
        this.municipalityId = municipalityId;
        this.nextAttemptAt = createdAt;
        this.retryUntil = createdAt.plus(RetrySchedule.WINDOW);
    }

    void madeFrom(Long versionId, String label) {
        templateVersionId = versionId;
        templateLabel = label;
    }

    public Long getTemplateVersionId() {
        return templateVersionId;
    }

    public String getTemplateLabel() {
        return templateLabel;
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
        lastAttemptAt = when;
        attempts++;
        lastError = null;
        nextAttemptAt = null;
    }

    /**
     * An attempt that did not deliver: a permanent failure ends the retries at once, a temporary one is tried again
     * by the {@link RetrySchedule} until the retry deadline.
     */
    void markAttemptFailed(Instant when, String error, boolean permanent) {
        attempts++;
        lastAttemptAt = when;
        lastError = error == null || error.isBlank() ? "unknown" : error.strip().substring(0,
                Math.min(error.strip().length(), 500));
        Instant next = permanent ? null
                : RetrySchedule.nextAttempt(attempts, when, retryUntil == null ? when : retryUntil).orElse(null);
        nextAttemptAt = next;
        failedAt = next == null ? when : null;
    }

    /** Sent again at an administrator's request: due now, with a new 72-hour window and a fresh count. */
    void resend(Instant when) {
        failedAt = null;
        attempts = 0;
        nextAttemptAt = when;
        retryUntil = when.plus(RetrySchedule.WINDOW);
    }

    public MailState getState() {
        if (sentAt != null) {
            return MailState.SENT;
        }
        if (failedAt != null) {
            return MailState.FAILED;
        }
        return attempts > 0 ? MailState.RETRYING : MailState.WAITING;
    }

    public Instant getNextAttemptAt() {
        return nextAttemptAt;
    }

    public Instant getRetryUntil() {
        return retryUntil;
    }

    public Instant getLastAttemptAt() {
        return lastAttemptAt;
    }

    public Instant getFailedAt() {
        return failedAt;
    }

    public String getLastError() {
        return lastError;
    }

    public String getMessageId() {
        return messageId;
    }

    public Long getMunicipalityId() {
        return municipalityId;
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
