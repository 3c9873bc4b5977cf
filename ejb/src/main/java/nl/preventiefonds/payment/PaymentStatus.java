package nl.preventiefonds.payment;

/** Where a payment instruction stands. */
public enum PaymentStatus {
    DUE,
    PAID
}
