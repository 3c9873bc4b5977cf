package nl.preventiefonds.monitoring.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.util.List;
import nl.preventiefonds.monitoring.DeadlineService;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The deadlines overview of staff: overdue, this week, waiting. */
@Path("deadlines")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class DeadlineResource {
    @Inject
    private DeadlineService deadlines;

    // Web records with the ejb types' fields, so that the document names them (ejb has no OpenAPI annotations).
    /** One deadline: what is due, of which application, by when, and who must act. */
    @Schema(name = "DeadlineItem")
    public record DeadlineItem(String kind, long applicationId, String reference, String title, LocalDate dueOn,
                               String who) {
    }

    /** A list capped in length, with the full count. */
    @Schema(name = "DeadlineSection")
    public record DeadlineSection(List<DeadlineItem> items, long total) {
        static DeadlineSection of(DeadlineService.Section s) {
            return new DeadlineSection(s.items().stream().map(i -> new DeadlineItem(i.kind(), i.applicationId(),
                    i.reference(), i.title(), i.dueOn(), i.who())).toList(), s.total());
        }
    }

    @Schema(name = "DeadlineOverview")
    public record DeadlineOverview(LocalDate today, DeadlineSection overdue, DeadlineSection thisWeek,
                                   DeadlineSection waiting) {
    }

    @GET
    public DeadlineOverview deadlines() {
        DeadlineService.Overview o = deadlines.overview();
        return new DeadlineOverview(o.today(), DeadlineSection.of(o.overdue()), DeadlineSection.of(o.thisWeek()),
                DeadlineSection.of(o.waiting()));
    }
}
