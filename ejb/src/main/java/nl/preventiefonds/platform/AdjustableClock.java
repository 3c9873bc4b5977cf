package nl.preventiefonds.platform;

import java.io.Serializable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * The system clock, which tests can move forward to check deadlines and reminders. Moving it
 * is refused unless the server runs with -Dpreventiefonds.clock.adjustable=true (test server
 * only), so production time is always real time. The demo loader alone may also set the time of its own thread
 * ({@link #at}), to take the demo's history through the services on the days it happened.
 */
public final class AdjustableClock extends Clock implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final AtomicReference<Duration> OFFSET = new AtomicReference<>(Duration.ZERO);
    /** The moment of the calling thread's back-dated demo step; null (the usual case) for the real time. */
    private static final ThreadLocal<Instant> MOMENT = new ThreadLocal<>();
    private final ZoneId zone;

    public AdjustableClock(ZoneId zone) {
        this.zone = zone;
    }

    public static void shiftTo(Instant moment) {
        requireAdjustable();
        OFFSET.set(Duration.between(Instant.now(), moment));
    }

    public static void reset() {
        OFFSET.set(Duration.ZERO);
    }

    /**
     * Runs {@code step} with this thread's clock standing at {@code moment}, every other thread keeping the real
     * time; the moment is cleared when the step ends, however it ends. Only for the demo world: refused unless the
     * server runs with the demo setting ({@link Settings#DEMO}), so production time is never set back.
     */
    public static <T> T at(Instant moment, Supplier<T> step) {
        if (!Settings.flag(Settings.DEMO, false)) {
            throw new IllegalStateException("the clock can only be set for the demo world");
        }
        Instant outer = MOMENT.get();
        MOMENT.set(java.util.Objects.requireNonNull(moment, "moment"));
        try {
            return step.get();
        } finally {
            if (outer == null) {
                MOMENT.remove();
            } else {
                MOMENT.set(outer);
            }
        }
    }

    private static void requireAdjustable() {
        if (!Settings.flag(Settings.CLOCK_ADJUSTABLE, false)) {
            throw new IllegalStateException("the clock can only be moved on a test server");
        }
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId other) {
        return new AdjustableClock(other);
    }

    @Override
    public Instant instant() {
        Instant moment = MOMENT.get();
        return moment != null ? moment : Instant.now().plus(OFFSET.get());
    }
}
