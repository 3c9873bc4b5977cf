package nl.preventiefonds.identity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Attempts of one kind (scope) from one source (an e-mail address or client address, stored as a hash) within a
 * window. Past the limit the source is blocked for a window, and each block in a row lasts twice as long as the one
 * before (backoff), up to {@link #LONGEST_BLOCK}.
 */
@Entity
@Table(name = "login_throttle")
public class ThrottleCounter implements Serializable {
    private static final long serialVersionUID = 1L;
    static final Duration LONGEST_BLOCK = Duration.ofHours(24);

    /** The scope, a colon and the SHA-256 of the source. */
    @Id
    @Column(name = "throttle_key")
    private String key;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "window_start", nullable = false)
    private Instant windowStart;

    @Column(nullable = false)
    private int strikes;

    @Column(name = "blocked_until")
    private Instant blockedUntil;

    protected ThrottleCounter() {
    }

    ThrottleCounter(String key, Instant now) {
        this.key = key;
        this.windowStart = now;
    }

    /** Until when this source must wait; empty when it may try now. */
    java.util.Optional<Instant> blockedAt(Instant now) {
        return blockedUntil != null && now.isBefore(blockedUntil) ? java.util.Optional.of(blockedUntil)
                : java.util.Optional.empty();
    }

    /**
     * Counts one attempt. More than {@code limit} in one window blocks the source: for one window the first time,
     * twice as long each time after, until a whole quiet window has passed since the last block.
     */
    java.util.Optional<Instant> count(Instant now, int limit, Duration window) {
        java.util.Optional<Instant> blocked = blockedAt(now);
        if (blocked.isPresent()) {
            return blocked;
        }
        if (blockedUntil != null && !now.isBefore(blockedUntil.plus(window))) {
            strikes = 0; // behaved for a whole window after the last block: start afresh
        }
        if (!now.isBefore(windowStart.plus(window))) {
            windowStart = now;
            attempts = 0;
        }
        attempts++;
        if (attempts <= limit) {
            return java.util.Optional.empty();
        }
        Duration block = window.multipliedBy(1L << Math.min(strikes, 16));
        blockedUntil = now.plus(block.compareTo(LONGEST_BLOCK) > 0 ? LONGEST_BLOCK : block);
        strikes++;
        windowStart = now;
        attempts = 0;
        return java.util.Optional.of(blockedUntil);
    }

    /** A success (e.g. a login) forgets the failures counted so far; a running block stays. */
    void clearAttempts() {
        attempts = 0;
    }

    int getStrikes() {
        return strikes;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ThrottleCounter that && Objects.equals(key, that.key);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(key);
    }
}
