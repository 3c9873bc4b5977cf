package nl.preventiefonds.monitoring;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;

/** A reminder that went out, so it never goes out twice for the same due date. */
@Entity
@Table(name = "report_reminder")
public class ReportReminder implements Serializable {
    private static final long serialVersionUID = 1L;
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "request_id", nullable = false)
    private ReportRequest request;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private ReminderKind kind;

    @Column(name = "for_due_on", nullable = false)
    private LocalDate forDueOn;

    @Column(name = "sent_at", nullable = false)
    private Instant sentAt;

    @Column(nullable = false)
    private int recipients;

    protected ReportReminder() {
    }

    ReportReminder(ReportRequest request, ReminderKind kind, LocalDate forDueOn, Instant sentAt, int recipients) {
        this.request = request;
        this.kind = kind;
        this.forDueOn = forDueOn;
        this.sentAt = sentAt;
        this.recipients = recipients;
    }

    public ReportRequest getRequest() {
        return request;
    }

    public ReminderKind getKind() {
        return kind;
    }

    public LocalDate getForDueOn() {
        return forDueOn;
    }

    public Instant getSentAt() {
        return sentAt;
    }

    public int getRecipients() {
        return recipients;
    }
}
