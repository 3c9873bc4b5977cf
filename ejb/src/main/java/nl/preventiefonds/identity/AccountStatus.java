package nl.preventiefonds.identity;

public enum AccountStatus {
    /** Registered, e-mail address not yet confirmed. */
    PENDING,
    ACTIVE,
    DISABLED
}
