package nl.preventiefonds.payment;

/** Where a reclaim (terugvordering) stands. */
public enum ReclaimStatus {
    OPEN,
    SETTLED,
    /** Lowered to nothing by a higher determination on objection before anything was repaid. */
    CANCELLED
}
