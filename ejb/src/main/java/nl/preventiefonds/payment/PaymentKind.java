package nl.preventiefonds.payment;

/** Why a payment is made. */
public enum PaymentKind {
    /** An advance or tranche from the decision's schedule. */
    SCHEDULE,
    /** The rest after the final determination, due within four weeks (Awb 4:52). */
    BALANCE
}
