package nl.preventiefonds.application;

/** Where an application is in its life; labels live in the UI bundle as status.NAME. */
public enum ApplicationStatus {
    DRAFT,
    SUBMITTED,
    /** Missing information was asked for; the decision term is suspended. */
    INFORMATION_REQUESTED,
    /** Intake found it complete; assessment follows. */
    IN_ASSESSMENT,
    AWARDED,
    PARTIALLY_AWARDED,
    REJECTED,
    WITHDRAWN,
    /** The grant's final amount is fixed (vaststelling); only payment or reclaim may follow. */
    DETERMINED;

    public boolean isDecided() {
        return this == AWARDED || this == PARTIALLY_AWARDED || this == REJECTED;
    }

    /** The organiser may still change the content. */
    public boolean isEditableByOwner() {
        return this == DRAFT || this == INFORMATION_REQUESTED;
    }

    /** A decision was taken on it: decided, or decided and later determined. */
    public boolean hasDecision() {
        return isDecided() || this == DETERMINED;
    }

    /** Awarded money that has not yet been determined: reports and determination apply. */
    public boolean isRunningGrant() {
        return this == AWARDED || this == PARTIALLY_AWARDED;
    }

    public boolean isWithdrawable() {
        return this == SUBMITTED || this == INFORMATION_REQUESTED || this == IN_ASSESSMENT;
    }
}
