package nl.preventiefonds.identity;

public enum AccountStatus {
    /** Registered, e-mail address not yet confirmed. */
    PENDING,
    ACTIVE,
    DISABLED,
    /** Personal data removed after the retention term (privacy.Anonymisation); never active again. */
    ANONYMISED
}
