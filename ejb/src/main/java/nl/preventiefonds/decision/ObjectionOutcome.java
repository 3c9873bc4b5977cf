package nl.preventiefonds.decision;

/** How an objection (bezwaar) ended. */
public enum ObjectionOutcome {
    UPHELD,
    PARTLY_UPHELD,
    DISMISSED,
    INADMISSIBLE,
    WITHDRAWN
}
