package nl.preventiefonds.decision;

/** What a decision (beschikking) grants; labels live in the UI bundle as outcome.NAME. */
public enum DecisionOutcome {
    AWARD,
    /** Less than requested, with the reason why. */
    PARTIAL_AWARD,
    REJECT;

    public boolean grantsMoney() {
        return this != REJECT;
    }
}
