package nl.preventiefonds.payment.web;

import jakarta.inject.Inject;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.preventiefonds.payment.PaymentService;
import nl.preventiefonds.payment.Reclaim;
import nl.preventiefonds.payment.ReclaimStatus;

/** Reclaims after a determination, for fund managers: list them and record repayments; the service decides who may. */
@Path("reclaims")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ReclaimResource {
    @Inject
    private PaymentService payments;

    @GET
    public List<Map<String, Object>> reclaims(@QueryParam("status") ReclaimStatus status, @QueryParam("q") String search,
                                              @QueryParam("first") int first, @QueryParam("size") int size) {
        return payments.reclaims(status, search, first, size == 0 ? 50 : size).stream().map(ReclaimResource::reclaim)
                .toList();
    }

    public record Repayment(BigDecimal amount, LocalDate receivedOn, String bankReference) {
    }

    @POST
    @Path("{id}/repayments")
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, Object> repay(@PathParam("id") long id, Repayment body) {
        payments.recordRepayment(id, body == null ? null : body.amount(), body == null ? null : body.receivedOn(),
                body == null ? null : body.bankReference());
        return Map.of("id", id);
    }

    /** A reclaim as the API shows it, also inside an application's determination. */
    public static Map<String, Object> reclaim(Reclaim r) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", r.getId());
        row.put("applicationId", r.getApplication().getId());
        row.put("reference", r.getApplication().getReference());
        row.put("debtor", r.getDebtorName());
        row.put("amount", r.getAmount());
        row.put("received", r.getReceived());
        row.put("outstanding", r.getOutstanding());
        row.put("dueOn", r.getDueOn().toString());
        row.put("limitationOn", r.getLimitationOn().toString());
        row.put("status", r.getStatus().name());
        row.put("settledOn", r.getSettledOn() == null ? null : r.getSettledOn().toString());
        return row;
    }
}
