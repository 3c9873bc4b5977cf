package nl.preventiefonds.application;

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
import java.time.LocalDate;

/** A request for missing information (aanvulling, Awb 4:5) and the organiser's answer. */
@Entity
@Table(name = "information_request")
public class InformationRequest implements Serializable {
    private static final long serialVersionUID = 1L;
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "application_id", nullable = false)
    private Application application;

    @Column(name = "requested_at", nullable = false)
    private Instant requestedAt;

    @Column(name = "requested_on", nullable = false)
    private LocalDate requestedOn;

    @Column(name = "requested_by", nullable = false, length = 254)
    private String requestedBy;

    @Column(nullable = false, length = 2000)
    private String message;

    @Column(name = "answer_deadline", nullable = false)
    private LocalDate answerDeadline;

    @Column(name = "answered_at")
    private Instant answeredAt;

    @Column(name = "answered_on")
    private LocalDate answeredOn;

    @Column(length = 4000)
    private String answer;

    protected InformationRequest() {
    }

    InformationRequest(Application application, Instant requestedAt, LocalDate requestedOn, String requestedBy,
                       String message, LocalDate answerDeadline) {
        this.application = application;
        this.requestedAt = requestedAt;
        this.requestedOn = requestedOn;
        this.requestedBy = requestedBy;
        this.message = message;
        this.answerDeadline = answerDeadline;
    }

    void answer(String text, Instant now, LocalDate today) {
        answer = text;
        answeredAt = now;
        answeredOn = today;
    }

    /** The deadline passed without an answer: closed, with no answer day (the term counts to the deadline). */
    void closeUnanswered(Instant now) {
        answeredAt = now;
    }

    public boolean isOpen() {
        return answeredAt == null;
    }

    public DecisionTerm.Suspension asSuspension() {
        return new DecisionTerm.Suspension(requestedOn, answerDeadline, answeredOn);
    }

    public Long getId() {
        return id;
    }

    public Application getApplication() {
        return application;
    }

    public Instant getRequestedAt() {
        return requestedAt;
    }

    public LocalDate getRequestedOn() {
        return requestedOn;
    }

    public String getRequestedBy() {
        return requestedBy;
    }

    public String getMessage() {
        return message;
    }

    public LocalDate getAnswerDeadline() {
        return answerDeadline;
    }

    public Instant getAnsweredAt() {
        return answeredAt;
    }

    public LocalDate getAnsweredOn() {
        return answeredOn;
    }

    public String getAnswer() {
        return answer;
    }
}
