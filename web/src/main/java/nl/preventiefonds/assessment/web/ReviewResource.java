package nl.preventiefonds.assessment.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.preventiefonds.assessment.AssessmentService;
import nl.preventiefonds.decision.DecisionOutcome;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A reviewer's own assignment: first the declaration of (no) conflict of interest, then the review. */
@Path("reviews/{assignmentId}")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ReviewResource {
    /** The column's length; the service checks the other texts with their own messages. */
    static final int MAX_REASONS = 4000;
    /** A call has a handful of criteria; more scores than this is no review. */
    static final int MAX_SCORES = 100;

    @Inject
    private AssessmentService assessment;

    /** Whether the reviewer has a conflict of interest, and why (required when so). */
    @Schema(name = "ConflictDeclaration")
    public record Declaration(@NotNull Boolean conflict, String reason) {
    }

    @Schema(name = "DeclarationResult")
    public record DeclarationResult(long assignmentId, boolean declared) {
    }

    /** A score from 0 to 10 on one criterion of the call, with its rationale. */
    @Schema(name = "CriterionScore")
    public record CriterionScore(@NotNull Long criterionId, @NotNull Integer score, String rationale) {
    }

    /** A score for every criterion, the advice and, for a partial award, the amount advised. */
    @Schema(name = "ReviewBody")
    public record Review(@Size(max = MAX_SCORES) List<@Valid CriterionScore> scores, DecisionOutcome advice,
                         BigDecimal amount, @Size(max = MAX_REASONS) String reasons) {
    }

    @Schema(name = "ReviewResult")
    public record ReviewResult(long assignmentId,
                               @Schema(description = "The criteria's scores weighted by the call.")
                               BigDecimal weightedScore) {
    }

    @POST
    @Path("declaration")
    public DeclarationResult declare(@PathParam("assignmentId") long assignmentId,
                                     @NotNull @Valid Declaration body) {
        assessment.declare(assignmentId, body.conflict(), body.reason());
        return new DeclarationResult(assignmentId, true);
    }

    @POST
    public ReviewResult review(@PathParam("assignmentId") long assignmentId, @Valid Review body) {
        Map<Long, AssessmentService.ScoreInput> scores = new LinkedHashMap<>();
        if (body != null && body.scores() != null) {
            body.scores().forEach(s -> scores.put(s.criterionId(), new AssessmentService.ScoreInput(s.score(),
                    s.rationale())));
        }
        BigDecimal total = assessment.review(assignmentId, scores, body == null ? null : body.advice(),
                body == null ? null : body.amount(), body == null ? null : body.reasons());
        return new ReviewResult(assignmentId, total);
    }
}
