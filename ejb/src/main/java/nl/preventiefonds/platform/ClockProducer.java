package nl.preventiefonds.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;

/** One injectable clock, so services never call Instant.now() and tests can control time. */
@ApplicationScoped
public class ClockProducer {

    @Produces
    public Clock clock() {
        return new AdjustableClock(Amsterdam.ZONE);
    }
}
