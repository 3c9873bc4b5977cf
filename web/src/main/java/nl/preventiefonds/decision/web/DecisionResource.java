package nl.preventiefonds.decision.web;

import jakarta.inject.Inject;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nl.preventiefonds.decision.DecisionBatch;
import nl.preventiefonds.decision.DecisionForm;
import nl.preventiefonds.decision.DecisionQueries;
import nl.preventiefonds.decision.DecisionService;
import nl.preventiefonds.decision.GrantDecision;
import nl.preventiefonds.decision.ObjectionConclusion;
import nl.preventiefonds.decision.ObjectionOutcome;
import nl.preventiefonds.platform.ValidationFailedException;
import nl.preventiefonds.platform.web.ProblemResponses;

/** Decisions and objections over JSON; the services check roles, four-eyes and the budget. */
@Path("")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class DecisionResource {
    @Inject
    private DecisionService decisions;

    @Inject
    private DecisionQueries queries;

    @Inject
    private DecisionBatch batch;

    @Context
    private HttpHeaders headers;

    @POST
    @Path("applications/{id}/decision")
    public DecisionService.DecisionResult decide(@PathParam("id") long id, DecisionForm form) {
        return decisions.decide(id, form == null ? new DecisionForm() : form);
    }

    /** One decision of a batch: the application and the decision as for {@code POST applications/{id}/decision}. */
    public record BatchItem(Long applicationId, DecisionForm decision) {
    }

    public record BatchBody(List<BatchItem> items) {
    }

    /**
     * Many decisions at once, each in its own transaction ({@link DecisionBatch}); 200 with every item's outcome in
     * the order sent, a decision or the problems that refused it. 422 when the batch itself is wrong.
     */
    @POST
    @Path("decisions/batch")
    public Map<String, Object> decideBatch(BatchBody body) {
        List<BatchItem> items = body == null || body.items() == null ? List.of() : body.items();
        if (items.stream().anyMatch(item -> item == null || item.applicationId() == null)) {
            throw new ValidationFailedException("decision.batchIdRequired");
        }
        List<DecisionBatch.Outcome> outcomes = batch.decideAll(items.stream()
                .map(item -> new DecisionBatch.Item(item.applicationId(), item.decision())).toList());
        Locale locale = ProblemResponses.locale(headers);
        List<Map<String, Object>> lines = new ArrayList<>();
        for (DecisionBatch.Outcome outcome : outcomes) {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("applicationId", outcome.applicationId());
            line.put("decided", outcome.decided());
            if (outcome.decided()) {
                line.put("decisionId", outcome.result().decisionId());
                line.put("outcome", outcome.result().outcome().name());
                line.put("amount", outcome.result().amount());
                line.put("letterId", outcome.result().letterId());
            } else {
                line.put("problems", outcome.problems().stream().map(p -> Map.of("key", p.key(),
                        "message", ProblemResponses.text(p, locale))).toList());
            }
            lines.add(line);
        }
        long decided = outcomes.stream().filter(DecisionBatch.Outcome::decided).count();
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("decided", decided);
        answer.put("refused", outcomes.size() - decided);
        answer.put("items", lines);
        return answer;
    }

    @GET
    @Path("applications/{id}/decision")
    public Map<String, Object> decision(@PathParam("id") long id) {
        GrantDecision d = queries.forApplication(id).orElseThrow(NotFoundException::new);
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", d.getId());
        view.put("outcome", d.getOutcome().name());
        view.put("amount", d.getAmount());
        view.put("budgetYear", d.getBudgetYear());
        view.put("decidedOn", d.getDecidedOn().toString());
        view.put("decidedBy", d.getDecidedBy());
        view.put("objectionDeadline", d.getObjectionDeadline().toString());
        view.put("reportKind", d.getReportKind() == null ? null : d.getReportKind().name());
        view.put("reportDueOn", d.getReportDueOn() == null ? null : d.getReportDueOn().toString());
        view.put("letterId", d.getLetter() == null ? null : d.getLetter().getId());
        view.put("replacesId", d.getReplaces() == null ? null : d.getReplaces().getId());
        view.put("replacesDecidedOn", d.getReplaces() == null ? null : d.getReplaces().getDecidedOn().toString());
        view.put("tranches", d.getTranches().stream().map(t -> Map.of("label", t.getLabel(),
                "dueOn", t.getDueOn().toString(), "amount", t.getAmount())).toList());
        return view;
    }

    public record ObjectionBody(LocalDate receivedOn, String lodgedBy, String grounds) {
    }

    @POST
    @Path("decisions/{decisionId}/objections")
    public Map<String, Object> objection(@PathParam("decisionId") long decisionId, ObjectionBody body) {
        long id = decisions.registerObjection(decisionId, body == null ? null : body.receivedOn(),
                body == null ? null : body.lodgedBy(), body == null ? null : body.grounds());
        return Map.of("id", id);
    }

    /**
     * The outcome of an objection; an upheld one (UPHELD, PARTLY_UPHELD) carries the new decision that takes the
     * contested one's place, as for {@code POST applications/{id}/decision}. {@code lateExcused}: a late objection
     * is decided on the merits only when its lateness is excused (Awb 6:11).
     */
    public record Conclusion(ObjectionOutcome outcome, String notes, Boolean lateExcused, DecisionForm decision) {
    }

    /** 200 with the new decision and its letter when upheld; 409 when the objection was decided already. */
    @POST
    @Path("objections/{objectionId}/outcome")
    public DecisionService.ObjectionResult conclude(@PathParam("objectionId") long objectionId, Conclusion body) {
        return decisions.concludeObjection(objectionId, body == null ? new ObjectionConclusion()
                : new ObjectionConclusion(body.outcome(), body.notes(), Boolean.TRUE.equals(body.lateExcused()),
                        body.decision()));
    }
}
