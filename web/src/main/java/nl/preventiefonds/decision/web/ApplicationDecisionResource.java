package nl.preventiefonds.decision.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import nl.preventiefonds.call.ReportKind;
import nl.preventiefonds.decision.DecisionForm;
import nl.preventiefonds.decision.DecisionOutcome;
import nl.preventiefonds.decision.DecisionQueries;
import nl.preventiefonds.decision.DecisionService;
import nl.preventiefonds.decision.GrantDecision;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The decision on one application: reading the one in force and taking it; the services check roles and budget. */
@Path("applications/{id}/decision")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ApplicationDecisionResource {
    @Inject
    private DecisionService decisions;

    @Inject
    private DecisionQueries queries;

    /** One payment of an award. */
    public record TrancheView(String label, LocalDate dueOn, BigDecimal amount) {
    }

    /**
     * The decision in force; {@code replacesId} and {@code replacesDecidedOn} name the one it replaced after an
     * objection. An empty field is null.
     */
    @JsonbNillable
    public record DecisionView(long id, DecisionOutcome outcome, BigDecimal amount, @Schema(nullable = true) Integer budgetYear,
                               LocalDate decidedOn, String decidedBy, LocalDate objectionDeadline,
                               @Schema(nullable = true) ReportKind reportKind, @Schema(nullable = true) LocalDate reportDueOn,
                               @Schema(nullable = true) Long letterId, @Schema(nullable = true) Long replacesId,
                               @Schema(nullable = true) LocalDate replacesDecidedOn, List<TrancheView> tranches) {
        static DecisionView of(GrantDecision d) {
            return new DecisionView(d.getId(), d.getOutcome(), d.getAmount(), d.getBudgetYear(), d.getDecidedOn(),
                    d.getDecidedBy(), d.getObjectionDeadline(), d.getReportKind(), d.getReportDueOn(),
                    d.getLetter() == null ? null : d.getLetter().getId(),
                    d.getReplaces() == null ? null : d.getReplaces().getId(),
                    d.getReplaces() == null ? null : d.getReplaces().getDecidedOn(),
                    d.getTranches().stream().map(t -> new TrancheView(t.getLabel(), t.getDueOn(), t.getAmount()))
                            .toList());
        }
    }

    @GET
    public DecisionView decision(@PathParam("id") long id) {
        return DecisionView.of(queries.forApplication(id).orElseThrow(NotFoundException::new));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public DecisionService.DecisionResult decide(@PathParam("id") long id, DecisionForm form) {
        return decisions.decide(id, form == null ? new DecisionForm() : form);
    }
}
