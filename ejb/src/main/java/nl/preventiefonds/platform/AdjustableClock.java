package nl.preventiefonds.platform;

import java.io.Serializable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The system clock, which tests can move forward to check deadlines and reminders. Moving it
 * is refused unless the server runs with -Dpreventiefonds.clock.adjustable=true (test server
 * only), so production time is always real time.
 */
public final class AdjustableClock extends Clock implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final AtomicReference<Duration> OFFSET = new AtomicReference<>(Duration.ZERO);
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
        return Instant.now().plus(OFFSET.get());
    }
}
