package nl.preventiefonds.payment;

/** Where a reclaim (terugvordering) stands. */
public enum ReclaimStatus {
    OPEN,
    SETTLED
}
