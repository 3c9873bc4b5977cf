package nl.preventiefonds.calendar.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import nl.preventiefonds.calendar.EquatedDay;
import nl.preventiefonds.calendar.EquatedDayAdministration;
import nl.preventiefonds.calendar.StatutoryCalendar;
import nl.preventiefonds.platform.ValidationFailedException;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * The days equated to general holidays (Algemene termijnenwet art. 3 lid 3): municipal staff read them, the
 * installation administrator adds, changes and removes them per day ({@code /api/equated-days/2029-05-11}).
 */
@Path("equated-days")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class EquatedDayResource {
    @Inject
    private EquatedDayAdministration administration;

    /** One equated day. */
    public record EquatedDayView(LocalDate date, String description, Instant changedAt, String changedBy) {
        static EquatedDayView of(EquatedDay day) {
            return new EquatedDayView(day.getEquatedOn(), day.getDescription(), day.getChangedAt(),
                    day.getChangedBy());
        }
    }

    /**
     * Every equated day, ascending; {@code lastYear} is the last year the list reaches, {@code yearsNotReached} the
     * years in use (next year, fund years from this one on) it does not reach: the next decree is due.
     */
    public record EquatedDayList(List<EquatedDayView> items, Integer lastYear, List<Integer> yearsInUse,
                                 List<Integer> yearsNotReached) {
    }

    /** What the decree says of the day. */
    public record EquatedDayBody(String description) {
    }

    @GET
    public EquatedDayList list() {
        StatutoryCalendar.Coverage coverage = administration.coverage();
        return new EquatedDayList(administration.list().stream().map(EquatedDayView::of).toList(),
                coverage.lastYear(), coverage.yearsInUse(), coverage.yearsNotReached());
    }

    /** Adds the day (201) or changes its description (200). */
    @PUT
    @Path("{date}")
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "200", description = "The day's description was changed.", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EquatedDayView.class)))
    @APIResponse(responseCode = "201", description = "The day was added.", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EquatedDayView.class)))
    public Response put(@PathParam("date") String date, EquatedDayBody body) {
        EquatedDayAdministration.Saved saved = administration.put(parse(date), body == null ? null
                : body.description());
        return Response.status(saved.created() ? Response.Status.CREATED : Response.Status.OK)
                .entity(EquatedDayView.of(saved.day())).build();
    }

    @DELETE
    @Path("{date}")
    public void remove(@PathParam("date") String date) {
        administration.remove(parse(date));
    }

    private static LocalDate parse(String date) {
        try {
            return LocalDate.parse(date);
        } catch (DateTimeParseException e) {
            throw ValidationFailedException.of("equatedDay.dateInvalid", date);
        }
    }
}
