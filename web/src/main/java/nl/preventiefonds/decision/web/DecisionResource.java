package nl.preventiefonds.decision.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import nl.preventiefonds.decision.DecisionBatch;
import nl.preventiefonds.decision.DecisionForm;
import nl.preventiefonds.decision.DecisionOutcome;
import nl.preventiefonds.decision.DecisionService;
import nl.preventiefonds.platform.ValidationFailedException;
import nl.preventiefonds.platform.web.ProblemResponses;

/** Decisions: many at once, and an objection against one; the services check roles, four-eyes and the budget. */
@Path("decisions")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class DecisionResource {
    @Inject
    private DecisionService decisions;

    @Inject
    private DecisionBatch batch;

    @Context
    private HttpHeaders headers;

    /** One decision of a batch: the application and the decision as for {@code POST applications/{id}/decision}. */
    public record BatchItem(Long applicationId, DecisionForm decision) {
    }

    public record BatchBody(List<BatchItem> items) {
    }

    /** A broken rule: its stable key and the text in the caller's language. */
    public record BatchProblem(String key, String message) {
    }

    /**
     * What became of one item: decided (with {@code decisionId}, {@code outcome}, {@code amount}, {@code letterId})
     * or refused (with {@code problems}); the fields of the other case are left out.
     */
    public record BatchLine(long applicationId, boolean decided, Long decisionId, DecisionOutcome outcome,
                            BigDecimal amount, Long letterId, List<BatchProblem> problems) {
        static BatchLine of(DecisionBatch.Outcome outcome, Locale locale) {
            if (outcome.decided()) {
                DecisionService.DecisionResult r = outcome.result();
                return new BatchLine(outcome.applicationId(), true, r.decisionId(), r.outcome(), r.amount(),
                        r.letterId(), null);
            }
            return new BatchLine(outcome.applicationId(), false, null, null, null, null, outcome.problems().stream()
                    .map(p -> new BatchProblem(p.key(), ProblemResponses.text(p, locale))).toList());
        }
    }

    /** How many were decided and refused, and every item's outcome in the order sent. */
    public record BatchResult(long decided, long refused, List<BatchLine> items) {
    }

    /**
     * Many decisions at once, each in its own transaction ({@link DecisionBatch}); 200 with every item's outcome in
     * the order sent, a decision or the problems that refused it. 422 when the batch itself is wrong.
     */
    @POST
    @Path("batch")
    public BatchResult decideBatch(BatchBody body) {
        List<BatchItem> items = body == null || body.items() == null ? List.of() : body.items();
        if (items.stream().anyMatch(item -> item == null || item.applicationId() == null)) {
            throw new ValidationFailedException("decision.batchIdRequired");
        }
        List<DecisionBatch.Outcome> outcomes = batch.decideAll(items.stream()
                .map(item -> new DecisionBatch.Item(item.applicationId(), item.decision())).toList());
        Locale locale = ProblemResponses.locale(headers);
        long decided = outcomes.stream().filter(DecisionBatch.Outcome::decided).count();
        return new BatchResult(decided, outcomes.size() - decided,
                outcomes.stream().map(o -> BatchLine.of(o, locale)).toList());
    }

    public record ObjectionBody(LocalDate receivedOn, String lodgedBy, String grounds) {
    }

    /** The objection that was registered. */
    public record ObjectionRegistered(long id) {
    }

    @POST
    @Path("{decisionId}/objections")
    public ObjectionRegistered objection(@PathParam("decisionId") long decisionId, ObjectionBody body) {
        return new ObjectionRegistered(decisions.registerObjection(decisionId,
                body == null ? null : body.receivedOn(), body == null ? null : body.lodgedBy(),
                body == null ? null : body.grounds()));
    }
}
