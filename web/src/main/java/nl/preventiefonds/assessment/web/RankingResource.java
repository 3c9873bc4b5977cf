package nl.preventiefonds.assessment.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import nl.preventiefonds.assessment.AssessmentService;

/** The applications of a call ranked by their reviews, against what its budget has left. */
@Path("calls/{callId}/ranking")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class RankingResource {
    @Inject
    private AssessmentService assessment;

    @GET
    public AssessmentService.Ranking ranking(@PathParam("callId") long callId) {
        return assessment.ranking(callId);
    }
}
