package nl.preventiefonds.payment.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.validation.constraints.Size;
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
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import nl.preventiefonds.payment.PaymentService;
import nl.preventiefonds.payment.Reclaim;
import nl.preventiefonds.payment.ReclaimStatus;
import nl.preventiefonds.platform.web.PagedWithoutTotal;

/** Reclaims after a determination, for fund managers: list them and record repayments; the service decides who may. */
@Path("reclaims")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ReclaimResource {
    static final int MAX_SEARCH = 100;

    @Inject
    private PaymentService payments;

    /** A reclaim as the API shows it, also inside an application's determination; settledOn is null while open. */
    @JsonbNillable
    public record ReclaimView(long id, long applicationId, String reference, String debtor, BigDecimal amount,
                              BigDecimal received, BigDecimal outstanding, LocalDate dueOn, LocalDate limitationOn,
                              ReclaimStatus status, @Schema(nullable = true) LocalDate settledOn) {
        public static ReclaimView of(Reclaim r) {
            return new ReclaimView(r.getId(), r.getApplication().getId(), r.getApplication().getReference(),
                    r.getDebtorName(), r.getAmount(), r.getReceived(), r.getOutstanding(), r.getDueOn(),
                    r.getLimitationOn(), r.getStatus(), r.getSettledOn());
        }
    }

    public record Repayment(BigDecimal amount, LocalDate receivedOn, String bankReference) {
    }

    public record RepaymentRecorded(long id) {
    }

    /** {@code q}: part of the reference or the debtor's name, at most {@value #MAX_SEARCH} characters. */
    @GET
    @PagedWithoutTotal(defaultSize = 50, maxSize = 500)
    public List<ReclaimView> reclaims(@QueryParam("status") ReclaimStatus status,
                                      @QueryParam("q") @Size(max = MAX_SEARCH) String q,
                                      @QueryParam("first") int first, @QueryParam("size") int size) {
        return payments.reclaims(status, q, first, size <= 0 ? 50 : size).stream().map(ReclaimView::of)
                .toList();
    }

    @POST
    @Path("{id}/repayments")
    @Consumes(MediaType.APPLICATION_JSON)
    public RepaymentRecorded repay(@PathParam("id") long id, Repayment body) {
        payments.recordRepayment(id, body == null ? null : body.amount(), body == null ? null : body.receivedOn(),
                body == null ? null : body.bankReference());
        return new RepaymentRecorded(id);
    }
}
