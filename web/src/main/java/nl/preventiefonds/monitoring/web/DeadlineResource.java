package nl.preventiefonds.monitoring.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import nl.preventiefonds.monitoring.DeadlineService;

/** The deadlines overview of staff: overdue, this week, waiting. */
@Path("deadlines")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class DeadlineResource {
    @Inject
    private DeadlineService deadlines;

    @GET
    public DeadlineService.Overview deadlines() {
        return deadlines.overview();
    }
}
