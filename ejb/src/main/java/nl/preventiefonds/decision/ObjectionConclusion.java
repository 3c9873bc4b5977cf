package nl.preventiefonds.decision;

import java.io.Serializable;

/**
 * How the municipality ends an objection against a decision: the outcome, notes, whether a late objection is
 * excused (Awb 6:11), and for an upheld objection the new decision that takes the contested one's place.
 */
public class ObjectionConclusion implements Serializable {
    private static final long serialVersionUID = 1L;

    private ObjectionOutcome outcome;
    private String notes;
    private boolean lateExcused;
    private DecisionForm decision;

    public ObjectionConclusion() {
    }

    public ObjectionConclusion(ObjectionOutcome outcome, String notes, boolean lateExcused, DecisionForm decision) {
        this.outcome = outcome;
        this.notes = notes;
        this.lateExcused = lateExcused;
        this.decision = decision;
    }

    public ObjectionOutcome getOutcome() {
        return outcome;
    }

    public void setOutcome(ObjectionOutcome outcome) {
        this.outcome = outcome;
    }

    public String getNotes() {
        return notes;
    }

    public void setNotes(String notes) {
        this.notes = notes;
    }

    public boolean isLateExcused() {
        return lateExcused;
    }

    public void setLateExcused(boolean lateExcused) {
        this.lateExcused = lateExcused;
    }

    /** The new decision; only for an upheld objection. */
    public DecisionForm getDecision() {
        return decision;
    }

    public void setDecision(DecisionForm decision) {
        this.decision = decision;
    }
}
