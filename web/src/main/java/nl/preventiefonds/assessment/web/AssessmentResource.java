package nl.preventiefonds.assessment.web;

import jakarta.inject.Inject;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
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
import nl.preventiefonds.assessment.ReviewAssignment;
import nl.preventiefonds.decision.DecisionOutcome;

/** Reviewers, conflict declarations, scores and advice, and the ranking of a call, over JSON. */
@Path("")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AssessmentResource {
    @Inject
    private AssessmentService assessment;

    public record Assignment(List<Long> reviewerIds, Integer roundRobin) {
    }

    @POST
    @Path("applications/{id}/reviewers")
    public List<Long> assign(@PathParam("id") long id, Assignment body) {
        if (body != null && body.roundRobin() != null) {
            return assessment.assignRoundRobin(id, body.roundRobin());
        }
        return assessment.assign(id, body == null || body.reviewerIds() == null ? List.of() : body.reviewerIds());
    }

    @GET
    @Path("applications/{id}/reviews")
    public List<Map<String, Object>> reviews(@PathParam("id") long id) {
        return assessment.reviews(id).stream().map(AssessmentResource::view).toList();
    }

    public record Declaration(boolean conflict, String reason) {
    }

    @POST
    @Path("reviews/{assignmentId}/declaration")
    public Map<String, Object> declare(@PathParam("assignmentId") long assignmentId, Declaration body) {
        assessment.declare(assignmentId, body != null && body.conflict(), body == null ? null : body.reason());
        return Map.of("assignmentId", assignmentId, "declared", true);
    }

    public record CriterionScore(long criterionId, int score, String rationale) {
    }

    public record Review(List<CriterionScore> scores, DecisionOutcome advice, BigDecimal amount, String reasons) {
    }

    @POST
    @Path("reviews/{assignmentId}")
    public Map<String, Object> review(@PathParam("assignmentId") long assignmentId, Review body) {
        Map<Long, AssessmentService.ScoreInput> scores = new LinkedHashMap<>();
        if (body != null && body.scores() != null) {
            body.scores().forEach(s -> scores.put(s.criterionId(), new AssessmentService.ScoreInput(s.score(),
                    s.rationale())));
        }
        BigDecimal total = assessment.review(assignmentId, scores, body == null ? null : body.advice(),
                body == null ? null : body.amount(), body == null ? null : body.reasons());
        return Map.of("assignmentId", assignmentId, "weightedScore", total);
    }

    @GET
    @Path("calls/{callId}/ranking")
    public AssessmentService.Ranking ranking(@PathParam("callId") long callId) {
        return assessment.ranking(callId);
    }

    private static Map<String, Object> view(ReviewAssignment r) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", r.getId());
        row.put("reviewer", r.getReviewer().getEmail());
        row.put("conflictOfInterest", r.getConflictOfInterest());
        row.put("conflictReason", r.getConflictReason());
        row.put("advice", r.getAdvice() == null ? null : r.getAdvice().name());
        row.put("advisedAmount", r.getAdvisedAmount());
        row.put("weightedScore", r.getWeightedScore());
        row.put("complete", r.isComplete());
        return row;
    }
}
