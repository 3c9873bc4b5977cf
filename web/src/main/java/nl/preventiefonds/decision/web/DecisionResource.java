package nl.preventiefonds.decision.web;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import nl.preventiefonds.decision.DecisionForm;
import nl.preventiefonds.decision.DecisionQueries;
import nl.preventiefonds.decision.DecisionService;
import nl.preventiefonds.decision.GrantDecision;
import nl.preventiefonds.decision.ObjectionOutcome;

/** Decisions and objections over JSON; the services check roles, four-eyes and the budget. */
@Path("")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class DecisionResource {
    @EJB
    private DecisionService decisions;

    @EJB
    private DecisionQueries queries;

    @POST
    @Path("applications/{id}/decision")
    public DecisionService.Result decide(@PathParam("id") long id, DecisionForm form) {
        return decisions.decide(id, form == null ? new DecisionForm() : form);
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

    public record Conclusion(ObjectionOutcome outcome, String notes) {
    }

    @POST
    @Path("objections/{objectionId}/outcome")
    public Map<String, Object> conclude(@PathParam("objectionId") long objectionId, Conclusion body) {
        decisions.concludeObjection(objectionId, body == null ? null : body.outcome(), body == null ? null
                : body.notes());
        return Map.of("id", objectionId, "concluded", true);
    }
}
