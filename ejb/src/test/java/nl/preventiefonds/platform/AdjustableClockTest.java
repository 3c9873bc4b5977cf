package nl.preventiefonds.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The demo loader's back-dated steps: one thread's clock at a moment, only with the demo setting. */
class AdjustableClockTest {
    private static final Instant MOMENT = Instant.parse("2023-01-10T09:00:00Z");
    private final AdjustableClock clock = new AdjustableClock(Amsterdam.ZONE);

    @AfterEach
    void demoOff() {
        System.clearProperty(Settings.DEMO);
    }

    @Test
    void refusedWithoutTheDemoSettingSoProductionTimeStaysRealTime() {
        AtomicBoolean ran = new AtomicBoolean();
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> AdjustableClock.at(MOMENT, () -> ran.getAndSet(true)));
        assertTrue(refused.getMessage().contains("demo"), refused.getMessage());
        assertFalse(ran.get(), "the step did not run");
        System.setProperty(Settings.DEMO, "false");
        assertThrows(IllegalStateException.class, () -> AdjustableClock.at(MOMENT, () -> ran.getAndSet(true)));
        assertFalse(ran.get(), "not with the setting written false either");
    }

    @Test
    void withTheDemoSettingOnlyTheCallingThreadStandsAtTheMomentAndOnlyDuringTheStep() throws Exception {
        System.setProperty(Settings.DEMO, "true");
        Instant inside = AdjustableClock.at(MOMENT, clock::instant);
        assertEquals(MOMENT, inside);
        Instant otherThread = AdjustableClock.at(MOMENT, () -> CompletableFuture.supplyAsync(clock::instant).join());
        assertTrue(Duration.between(otherThread, Instant.now()).abs().toMinutes() < 1,
                "another thread keeps the real time: " + otherThread);
        assertTrue(Duration.between(clock.instant(), Instant.now()).abs().toMinutes() < 1, "real time after the step");
        Instant nested = AdjustableClock.at(MOMENT, () -> {
            AdjustableClock.at(MOMENT.plusSeconds(60), clock::instant);
            return clock.instant();
        });
        assertEquals(MOMENT, nested, "an inner step gives the outer moment back");
        assertThrows(IllegalArgumentException.class, () -> AdjustableClock.at(MOMENT, () -> {
            throw new IllegalArgumentException("a refused step");
        }));
        assertNotEquals(MOMENT, clock.instant(), "cleared when the step fails too");
    }
}
