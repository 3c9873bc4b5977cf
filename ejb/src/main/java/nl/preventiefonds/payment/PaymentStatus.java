package nl.preventiefonds.payment;

/** Where a payment instruction stands. */
public enum PaymentStatus {
    DUE,
    PAID,
    /** Not paid and no longer owed: the determination settled the grant otherwise. */
    CANCELLED
}
