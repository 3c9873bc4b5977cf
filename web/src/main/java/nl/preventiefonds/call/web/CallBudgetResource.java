package nl.preventiefonds.call.web;

import jakarta.inject.Inject;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import nl.preventiefonds.call.CallAdministration;
import nl.preventiefonds.platform.ValidationFailedException;

/**
 * A call's own budget, a ceiling inside its fund year (fund managers): read it with what is committed and
 * available, set it, or remove it with {@code {"budget": null}} so only the year's budget limits the call.
 */
@Path("calls/{callId}/budget")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class CallBudgetResource {
    @Inject
    private CallAdministration administration;

    /** The call's budget; null when only the fund year's budget limits it. */
    public record CallBudgetBody(BigDecimal budget) {
    }

    @GET
    public CallAdministration.CallBudget get(@PathParam("callId") long callId) {
        return administration.budget(callId);
    }

    /** 422 when negative, above the fund year's budget or below what the call's awards have committed. */
    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    public CallAdministration.CallBudget put(@PathParam("callId") long callId, CallBudgetBody body) {
        if (body == null) {
            throw new ValidationFailedException("call.budgetBodyRequired");
        }
        return administration.changeBudget(callId, body.budget());
    }
}
