package nl.preventiefonds.notification.web;

import jakarta.ejb.EJB;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import nl.preventiefonds.notification.MailDelivery;
import nl.preventiefonds.platform.Settings;

/**
 * Runs the outbox worker at once, for system tests of mail delivery: with the test clock moved past a retry's pause,
 * the next attempt happens now instead of at the next half-minute timer. Exists only on a server started with
 * -Dpreventiefonds.clock.adjustable=true (the test server, as for the test clock); everywhere else it answers 404.
 */
@Path("test-mail-delivery")
public class TestMailDeliveryResource {

    @EJB
    private MailDelivery delivery;

    @POST
    public void deliverNow() {
        if (!Settings.flag(Settings.CLOCK_ADJUSTABLE, false)) {
            throw new NotFoundException();
        }
        delivery.deliverDueNow();
    }
}
