package nl.preventiefonds.decision;

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
import jakarta.persistence.Version;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;

/** An objection (bezwaar) against a decision, with the dates the Awb sets and its outcome. */
@Entity
@Table(name = "objection")
public class Objection implements Serializable {
    private static final long serialVersionUID = 1L;
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "decision_id", nullable = false)
    private GrantDecision decision;

    @Column(name = "received_on", nullable = false)
    private LocalDate receivedOn;

    @Column(name = "lodged_by", nullable = false, length = 200)
    private String lodgedBy;

    @Column(nullable = false, length = 4000)
    private String grounds;

    @Column(name = "on_time", nullable = false)
    private boolean onTime;

    @Column(name = "decide_by", nullable = false)
    private LocalDate decideBy;

    @Column(name = "registered_at", nullable = false)
    private Instant registeredAt;

    @Column(name = "registered_by", nullable = false, length = 254)
    private String registeredBy;

    @Enumerated(EnumType.STRING)
    @Column(length = 20)
    private ObjectionOutcome outcome;

    @Column(name = "outcome_on")
    private LocalDate outcomeOn;

    @Column(name = "outcome_notes", length = 4000)
    private String outcomeNotes;

    /** The decision taken in place of the contested one when the objection was upheld (Awb 7:11). */
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "new_decision_id")
    private GrantDecision newDecision;

    @Version
    private long version;

    protected Objection() {
    }

    Objection(GrantDecision decision, LocalDate receivedOn, String lodgedBy, String grounds, boolean onTime,
              LocalDate decideBy, Instant registeredAt, String registeredBy) {
        this.decision = decision;
        this.receivedOn = receivedOn;
        this.lodgedBy = lodgedBy;
        this.grounds = grounds;
        this.onTime = onTime;
        this.decideBy = decideBy;
        this.registeredAt = registeredAt;
        this.registeredBy = registeredBy;
    }

    void conclude(ObjectionOutcome result, LocalDate on, String notes) {
        outcome = result;
        outcomeOn = on;
        outcomeNotes = notes;
    }

    void newDecision(GrantDecision decision) {
        newDecision = decision;
    }

    public GrantDecision getNewDecision() {
        return newDecision;
    }

    public Long getId() {
        return id;
    }

    public GrantDecision getDecision() {
        return decision;
    }

    public LocalDate getReceivedOn() {
        return receivedOn;
    }

    public String getLodgedBy() {
        return lodgedBy;
    }

    public String getGrounds() {
        return grounds;
    }

    public boolean isOnTime() {
        return onTime;
    }

    public LocalDate getDecideBy() {
        return decideBy;
    }

    public Instant getRegisteredAt() {
        return registeredAt;
    }

    public String getRegisteredBy() {
        return registeredBy;
    }

    public ObjectionOutcome getOutcome() {
        return outcome;
    }

    public LocalDate getOutcomeOn() {
        return outcomeOn;
    }

    public String getOutcomeNotes() {
        return outcomeNotes;
    }
}
