package nl.preventiefonds.platform;

import java.time.ZoneId;

/** Deadlines and dates are Dutch law's: they are computed in this zone. */
public final class Amsterdam {
    public static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");

    private Amsterdam() {
    }
}
