package nl.preventiefonds.monitoring.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import nl.preventiefonds.monitoring.ReminderService;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Sending the due reminders now (staff), as the daily timer does. */
@Path("monitoring/reminders")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ReminderResource {
    @Inject
    private ReminderService reminders;

    /** What the run sent; a web record so that the document names it (ejb has no OpenAPI annotations). */
    @Schema(name = "ReminderRun")
    public record ReminderRun(LocalDate on, int remindersSent, int mailsQueued) {
    }

    @POST
    public ReminderRun runReminders() {
        ReminderService.Run run = reminders.runNow();
        return new ReminderRun(run.on(), run.remindersSent(), run.mailsQueued());
    }
}
