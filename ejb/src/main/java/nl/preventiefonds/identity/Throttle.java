package nl.preventiefonds.identity;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import nl.preventiefonds.platform.InstantConverter;
import nl.preventiefonds.platform.Settings;

/**
 * Limits attempts per source with backoff, counted in the database so that every node of a cluster sees the same
 * count. Each count is its own transaction: a refused or failed attempt still counts when the caller rolls back.
 */
@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class Throttle {

    /** What is counted, how many per window, and the window (also the first block's length). */
    public enum Scope {
        /** Failed logins from one client address, whichever accounts they tried. */
        LOGIN_ADDRESS(50, Duration.ofMinutes(15)),
        /** Registrations from one client address. */
        REGISTER_ADDRESS(20, Duration.ofHours(1)),
        /** Registrations for one e-mail address: each sends a mail to it. */
        REGISTER_EMAIL(3, Duration.ofHours(1)),
        /** Password-reset requests from one client address. */
        RESET_ADDRESS(20, Duration.ofHours(1)),
        /** Password-reset requests for one e-mail address: each may send a mail to it. */
        RESET_EMAIL(3, Duration.ofHours(1));

        final int limit;
        final Duration window;

        Scope(int limit, Duration window) {
            this.limit = limit;
            this.window = window;
        }

        /**
         * The limit, unless the setting preventiefonds.throttle.&lt;scope&gt; (e.g. ...throttle.login-address)
         * gives another: an installation whose users share one public address (a town hall behind one NAT) may
         * need more per address.
         */
        int limit() {
            String name = "preventiefonds.throttle." + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
            return Settings.text(name).filter(v -> v.matches("\\d{1,9}")).map(Integer::parseInt).orElse(limit);
        }
    }

    @PersistenceContext
    private EntityManager em;

    @Inject
    private Clock clock;

    /** Counts an attempt; the moment to try again when this source is (now) blocked. */
    public Optional<Instant> count(Scope scope, String source) {
        Instant now = clock.instant();
        return counter(scope, source, now).count(now, scope.limit(), scope.window);
    }

    /** Until when this source is blocked, without counting anything. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Optional<Instant> blocked(Scope scope, String source) {
        ThrottleCounter counter = em.find(ThrottleCounter.class, key(scope, source));
        return counter == null ? Optional.empty() : counter.blockedAt(clock.instant());
    }

    /** A success forgets the failures counted so far for this source (a running block stays). */
    public void clear(Scope scope, String source) {
        ThrottleCounter counter = em.find(ThrottleCounter.class, key(scope, source), LockModeType.PESSIMISTIC_WRITE);
        if (counter != null) {
            counter.clearAttempts();
        }
    }

    /** The row, created if missing and locked: two nodes counting at once queue instead of losing a count. */
    private ThrottleCounter counter(Scope scope, String source, Instant now) {
        String key = key(scope, source);
        // INSERT IGNORE: a row another node inserted a moment ago is kept, not a duplicate-key failure.
        em.createNativeQuery("INSERT IGNORE INTO login_throttle (throttle_key, attempts, window_start, strikes)"
                        + " VALUES (?, 0, ?, 0)")
                .setParameter(1, key).setParameter(2, new InstantConverter().convertToDatabaseColumn(now))
                .executeUpdate();
        return em.find(ThrottleCounter.class, key, LockModeType.PESSIMISTIC_WRITE);
    }

    static String key(Scope scope, String source) {
        String normalised = source == null ? "" : source.trim().toLowerCase(java.util.Locale.ROOT);
        return scope.name() + ":" + AccountService.sha256(normalised);
    }
}
