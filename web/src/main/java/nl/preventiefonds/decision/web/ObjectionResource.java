package nl.preventiefonds.decision.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import nl.preventiefonds.decision.DecisionForm;
import nl.preventiefonds.decision.DecisionService;
import nl.preventiefonds.decision.ObjectionConclusion;
import nl.preventiefonds.decision.ObjectionOutcome;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Concluding an objection against a decision; the service checks roles and four-eyes. */
@Path("objections")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ObjectionResource {
    @Inject
    private DecisionService decisions;

    /**
     * The outcome of an objection; an upheld one (UPHELD, PARTLY_UPHELD) carries the new decision that takes the
     * contested one's place, as for {@code POST applications/{id}/decision}. {@code lateExcused}: a late objection
     * is decided on the merits only when its lateness is excused (Awb 6:11).
     */
    @Schema(name = "ObjectionConclusion")
    public record Conclusion(ObjectionOutcome outcome, String notes, Boolean lateExcused, DecisionForm decision) {
    }

    /** 200 with the new decision and its letter when upheld; 409 when the objection was decided already. */
    @POST
    @Path("{objectionId}/outcome")
    public DecisionService.ObjectionResult conclude(@PathParam("objectionId") long objectionId, Conclusion body) {
        return decisions.concludeObjection(objectionId, body == null ? new ObjectionConclusion()
                : new ObjectionConclusion(body.outcome(), body.notes(), Boolean.TRUE.equals(body.lateExcused()),
                        body.decision()));
    }
}
