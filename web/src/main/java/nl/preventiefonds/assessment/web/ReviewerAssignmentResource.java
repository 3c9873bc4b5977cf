package nl.preventiefonds.assessment.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import nl.preventiefonds.assessment.AssessmentService;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The officer assigns reviewers to an application in assessment: named ones, or the least busy in turn. */
@Path("applications/{id}/reviewers")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ReviewerAssignmentResource {
    /** More reviewers than this for one application is a mistake, not a plan. */
    static final int MAX_REVIEWERS = 50;

    @Inject
    private AssessmentService assessment;

    /** Either the reviewers' account ids, or {@code roundRobin}: how many of the least busy officers. */
    @Schema(name = "ReviewerAssignment")
    public record Assignment(@Size(max = MAX_REVIEWERS) List<Long> reviewerIds,
                             @Min(1) @Max(MAX_REVIEWERS) Integer roundRobin) {
    }

    /** The ids of the assignments made. */
    @POST
    public List<Long> assign(@PathParam("id") long id, @Valid Assignment body) {
        if (body != null && body.roundRobin() != null) {
            return assessment.assignRoundRobin(id, body.roundRobin());
        }
        return assessment.assign(id, body == null || body.reviewerIds() == null ? List.of() : body.reviewerIds());
    }
}
