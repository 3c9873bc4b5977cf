package nl.preventiefonds.platform;

import jakarta.ejb.ApplicationException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;

/** Too many attempts from this address or for this account: try again after the moment given (HTTP 429). */
@ApplicationException(rollback = true)
public class TooManyAttemptsException extends ValidationFailedException {
    private static final long serialVersionUID = 1L;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm").withZone(Amsterdam.ZONE);
    private final Instant retryAt;

    public TooManyAttemptsException(Instant retryAt) {
        super(Problem.of("throttle.wait", time(retryAt)));
        this.retryAt = retryAt;
    }

    /**
     * Refuses when a count said the source is blocked. Thrown by the caller, after the count's own transaction
     * committed, so the count stays even though the caller's work rolls back.
     */
    public static void refuseIf(java.util.Optional<Instant> blockedUntil) {
        if (blockedUntil.isPresent()) {
            throw new TooManyAttemptsException(blockedUntil.get());
        }
    }

    /** The moment as the message shows it: hours and minutes in Amsterdam. */
    public static String time(Instant moment) {
        return TIME.format(moment);
    }

    public Instant getRetryAt() {
        return retryAt;
    }
}
