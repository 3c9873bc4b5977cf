package nl.preventiefonds.monitoring;

/** The officer's verdict on a submitted report. */
public enum ReviewOutcome {
    ACCEPTED,
    MORE_REQUESTED
}
