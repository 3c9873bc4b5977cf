package nl.preventiefonds.template;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import nl.preventiefonds.notification.MailKind;

/** One saved subject and body of a mail template, numbered 1, 2, 3; never changed, so a queued mail names it. */
@Entity
@Table(name = "mail_template_version")
public class MailTemplateVersion implements Serializable {
    private static final long serialVersionUID = 1L;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "template_id", nullable = false, updatable = false)
    private MailTemplate template;

    @Column(nullable = false, updatable = false)
    private int number;

    @Column(nullable = false, length = MailKind.MAX_SUBJECT, updatable = false)
    private String subject;

    @Column(nullable = false, length = MailKind.MAX_BODY, updatable = false)
    private String body;

    @Column(name = "created_by", nullable = false, length = 254, updatable = false)
    private String createdBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected MailTemplateVersion() {
    }

    MailTemplateVersion(MailTemplate template, int number, String subject, String body, String createdBy,
                        Instant createdAt) {
        this.template = template;
        this.number = number;
        this.subject = subject;
        this.body = body;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
    }

    public Long getId() {
        return id;
    }

    public MailTemplate getTemplate() {
        return template;
    }

    public int getNumber() {
        return number;
    }

    public String getSubject() {
        return subject;
    }

    public String getBody() {
        return body;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
