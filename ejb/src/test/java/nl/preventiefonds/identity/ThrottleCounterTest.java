package nl.preventiefonds.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ThrottleCounterTest {
    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
    private static final Duration HOUR = Duration.ofHours(1);

    @Test
    void upToTheLimitPassesTheNextIsBlockedForAWindow() {
        ThrottleCounter counter = new ThrottleCounter("k", T0);
        for (int i = 0; i < 3; i++) {
            assertTrue(counter.count(T0.plusSeconds(i), 3, HOUR).isEmpty(), "attempt " + (i + 1));
        }
        assertEquals(Optional.of(T0.plusSeconds(3).plus(HOUR)), counter.count(T0.plusSeconds(3), 3, HOUR));
        assertEquals(Optional.of(T0.plusSeconds(3).plus(HOUR)), counter.count(T0.plusSeconds(60), 3, HOUR),
                "while blocked every attempt is refused with the same moment");
    }

    @Test
    void aNewWindowStartsAfreshBelowTheLimit() {
        ThrottleCounter counter = new ThrottleCounter("k", T0);
        counter.count(T0, 3, HOUR);
        counter.count(T0, 3, HOUR);
        counter.count(T0, 3, HOUR);
        assertTrue(counter.count(T0.plus(HOUR), 3, HOUR).isEmpty(), "the window passed");
    }

    @Test
    void eachBlockInARowLastsTwiceAsLongThenAQuietWindowForgets() {
        ThrottleCounter counter = new ThrottleCounter("k", T0);
        Instant at = T0;
        Duration expected = HOUR;
        for (int block = 0; block < 3; block++) {
            counter.count(at, 1, HOUR);
            Optional<Instant> until = counter.count(at, 1, HOUR);
            assertEquals(Optional.of(at.plus(expected)), until, "block " + (block + 1));
            at = until.orElseThrow();
            expected = expected.multipliedBy(2);
        }
        Instant quiet = at.plus(HOUR);
        counter.count(quiet, 1, HOUR);
        assertEquals(Optional.of(quiet.plus(HOUR)), counter.count(quiet, 1, HOUR), "back to one window");
    }

    @Test
    void noBlockLastsLongerThanADay() {
        ThrottleCounter counter = new ThrottleCounter("k", T0);
        Instant at = T0;
        Optional<Instant> until = Optional.empty();
        for (int block = 0; block < 10; block++) {
            counter.count(at, 1, HOUR);
            until = counter.count(at, 1, HOUR);
            at = until.orElseThrow();
        }
        assertTrue(Duration.between(T0, at).toHours() > 24);
        counter.count(at, 1, HOUR);
        Optional<Instant> last = counter.count(at, 1, HOUR);
        assertEquals(Optional.of(at.plus(ThrottleCounter.LONGEST_BLOCK)), last);
    }
}
