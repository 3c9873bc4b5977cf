package nl.preventiefonds.notification;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * When a mail that could not be delivered is tried again: 30 seconds after the first failure, doubling to at most an
 * hour between attempts, for 72 hours after it was queued (a weekend-long SMTP outage loses nothing). The last
 * attempt falls exactly on the deadline; a failure then (or any permanent failure) ends the retries.
 */
public final class RetrySchedule {
    public static final Duration FIRST_DELAY = Duration.ofSeconds(30);
    public static final Duration MAX_DELAY = Duration.ofHours(1);
    public static final Duration WINDOW = Duration.ofHours(72);

    private RetrySchedule() {
    }

    /** The pause after the given number of failed attempts (1 or more): 30 s, 1 min, 2 min ... capped at 1 h. */
    public static Duration delayAfter(int failedAttempts) {
        int doublings = Math.max(0, failedAttempts - 1);
        if (doublings >= 30) {
            return MAX_DELAY;
        }
        Duration delay = FIRST_DELAY.multipliedBy(1L << doublings);
        return delay.compareTo(MAX_DELAY) > 0 ? MAX_DELAY : delay;
    }

    /**
     * The next attempt after a temporary failure at {@code now}, the attempts counted including this one; empty when
     * the retry deadline has been reached, so the mail is failed.
     */
    public static Optional<Instant> nextAttempt(int failedAttempts, Instant now, Instant retryUntil) {
        if (!now.isBefore(retryUntil)) {
            return Optional.empty();
        }
        Instant next = now.plus(delayAfter(failedAttempts));
        return Optional.of(next.isAfter(retryUntil) ? retryUntil : next);
    }
}
