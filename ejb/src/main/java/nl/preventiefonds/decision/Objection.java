package nl.preventiefonds.decision;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/** An objection (bezwaar) against a decision, with the dates the Awb sets and its outcome. */
@Entity
@Table(name = "objection")
public class Objection extends LodgedObjection {
    private static final long serialVersionUID = 1L;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "decision_id", nullable = false)
    private GrantDecision decision;

    /** The decision taken in place of the contested one when the objection was upheld (Awb 7:11). */
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "new_decision_id")
    private GrantDecision newDecision;

    protected Objection() {
    }

    Objection(GrantDecision decision, LocalDate receivedOn, String lodgedBy, String grounds, boolean onTime,
              LocalDate decideBy, Instant registeredAt, String registeredBy) {
        super(receivedOn, lodgedBy, grounds, onTime, decideBy, registeredAt, registeredBy);
        this.decision = decision;
    }

    void conclude(ObjectionOutcome result, LocalDate on, String notes) {
        recordOutcome(result, on, notes);
    }

    void newDecision(GrantDecision decision) {
        newDecision = decision;
    }

    public GrantDecision getNewDecision() {
        return newDecision;
    }

    public GrantDecision getDecision() {
        return decision;
    }
}
