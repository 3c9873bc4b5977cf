package nl.preventiefonds.application;

/** Legal form of the applying organisation. */
public enum LegalForm {
    FOUNDATION,
    ASSOCIATION,
    COOPERATIVE,
    /** A residents' group without legal personality: no Chamber of Commerce number. */
    INFORMAL_GROUP,
    SOLE_PROPRIETORSHIP,
    PARTNERSHIP,
    PRIVATE_COMPANY,
    OTHER;

    /** Forms that are undertakings by nature, so EU de-minimis rules apply. */
    public boolean isUndertaking() {
        return this == SOLE_PROPRIETORSHIP || this == PARTNERSHIP || this == PRIVATE_COMPANY;
    }

    public boolean needsKvkNumber() {
        return this != INFORMAL_GROUP;
    }
}
