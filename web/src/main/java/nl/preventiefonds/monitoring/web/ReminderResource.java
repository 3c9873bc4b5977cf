package nl.preventiefonds.monitoring.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import nl.preventiefonds.monitoring.ReminderService;

/** Sending the due reminders now (staff), as the daily timer does. */
@Path("monitoring/reminders")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ReminderResource {
    @Inject
    private ReminderService reminders;

    @POST
    public ReminderService.Run runReminders() {
        return reminders.runNow();
    }
}
