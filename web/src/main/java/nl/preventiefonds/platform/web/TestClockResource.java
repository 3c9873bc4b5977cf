package nl.preventiefonds.platform.web;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.time.Instant;
import nl.preventiefonds.platform.Settings;
import nl.preventiefonds.platform.AdjustableClock;

/**
 * Moves the server clock for system tests of deadlines. Exists only on a server started with
 * -Dpreventiefonds.clock.adjustable=true (the test server); everywhere else it answers 404.
 */
@Path("test-clock")
public class TestClockResource {

    @PUT
    public void moveTo(@QueryParam("at") String moment) {
        requireTestServer();
        AdjustableClock.shiftTo(Instant.parse(moment));
    }

    @DELETE
    public void reset() {
        requireTestServer();
        AdjustableClock.reset();
    }

    private static void requireTestServer() {
        if (!Settings.flag(Settings.CLOCK_ADJUSTABLE, false)) {
            throw new NotFoundException();
        }
    }
}
