package nl.preventiefonds.assessment.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.util.List;
import nl.preventiefonds.assessment.AssessmentService;
import nl.preventiefonds.assessment.ReviewAssignment;
import nl.preventiefonds.decision.DecisionOutcome;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The reviews of one application: who reviews it, their declarations, advice and scores. */
@Path("applications/{id}/reviews")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ApplicationReviewResource {
    @Inject
    private AssessmentService assessment;

    /** One reviewer's assignment and, once given, their review. */
    @JsonbNillable
    @Schema(name = "ReviewAssignmentView", description = "A reviewer's assignment to the application and, once"
            + " given, the review.")
    public record ReviewAssignmentView(long id, @Schema(description = "The reviewer's e-mail address.") String reviewer,
                                       @Schema(nullable = true, description = "Null until declared.") Boolean conflictOfInterest,
                                       @Schema(nullable = true) String conflictReason,
                                       @Schema(nullable = true) DecisionOutcome advice,
                                       @Schema(nullable = true) BigDecimal advisedAmount,
                                       @Schema(nullable = true) BigDecimal weightedScore, boolean complete) {
        static ReviewAssignmentView of(ReviewAssignment r) {
            return new ReviewAssignmentView(r.getId(), r.getReviewer().getEmail(), r.getConflictOfInterest(),
                    r.getConflictReason(), r.getAdvice(), r.getAdvisedAmount(), r.getWeightedScore(),
                    r.isComplete());
        }
    }

    @GET
    public List<ReviewAssignmentView> list(@PathParam("id") long id) {
        return assessment.reviews(id).stream().map(ReviewAssignmentView::of).toList();
    }
}
