package nl.preventiefonds.decision;

/** How an objection (bezwaar) ended. */
public enum ObjectionOutcome {
    UPHELD,
    PARTLY_UPHELD,
    DISMISSED,
    INADMISSIBLE,
    WITHDRAWN;

    /** Gegrond, wholly or partly: the contested decision is revoked and a new one takes its place (Awb 7:11). */
    public boolean leadsToNewDecision() {
        return this == UPHELD || this == PARTLY_UPHELD;
    }

    /** The same for an objection against a determination: a new determination takes the contested one's place. */
    public boolean leadsToNewDetermination() {
        return leadsToNewDecision();
    }

    /** An outcome on the merits; for a late objection only when the lateness is excused (Awb 6:11). */
    public boolean onTheMerits() {
        return this == UPHELD || this == PARTLY_UPHELD || this == DISMISSED;
    }
}
