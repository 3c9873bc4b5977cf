package nl.preventiefonds.payment.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import nl.preventiefonds.payment.PaymentInstruction;
import nl.preventiefonds.payment.PaymentService;
import nl.preventiefonds.payment.PaymentStatus;
import nl.preventiefonds.platform.Amsterdam;
import nl.preventiefonds.platform.ValidationFailedException;
import nl.preventiefonds.platform.web.PagedWithoutTotal;

/** Payment instructions for fund managers: list, mark paid, export as CSV. Payees' IBANs: never cached. */
@Path("payments")
@nl.preventiefonds.platform.web.NoStore.Marked
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class PaymentResource {
    @Inject
    private PaymentService payments;

    /** One payment instruction; {@code paidOn} and {@code bankReference} are null until it is paid. */
    @JsonbNillable
    public record PaymentView(long id, long applicationId, String reference, String label, BigDecimal amount,
                              LocalDate dueOn, String payeeName, String payeeIban, PaymentStatus status,
                              @Schema(nullable = true) LocalDate paidOn, @Schema(nullable = true) String bankReference) {
        static PaymentView of(PaymentInstruction p) {
            return new PaymentView(p.getId(), p.getApplication().getId(), p.getApplication().getReference(),
                    p.getLabel(), p.getAmount(), p.getDueOn(), p.getPayeeName(), p.getPayeeIban(), p.getStatus(),
                    p.getPaidOn(), p.getBankReference());
        }
    }

    @Schema(name = "PaymentPaid")
    public record Paid(LocalDate paidOn, String bankReference) {
    }

    public record PaymentMarkedPaid(long id, PaymentStatus status) {
    }

    @GET
    @PagedWithoutTotal(defaultSize = 50, maxSize = 500)
    public List<PaymentView> list(@QueryParam("status") PaymentStatus status,
                                  @QueryParam("first") int first, @QueryParam("size") Integer size) {
        return payments.page(new PaymentService.Filter(status, null), first,
                size == null || size <= 0 ? 50 : size).stream()
                .map(PaymentView::of).toList();
    }

    @POST
    @Path("{id}/paid")
    @Consumes(MediaType.APPLICATION_JSON)
    public PaymentMarkedPaid markPaid(@PathParam("id") long id, Paid body) {
        payments.markPaid(id, body == null ? null : body.paidOn(), body == null ? null : body.bankReference());
        return new PaymentMarkedPaid(id, PaymentStatus.PAID);
    }

    /** Due payments up to a date (default today) as a CSV download. */
    @GET
    @Path("export")
    @Produces("text/csv")
    public Response export(@QueryParam("dueBefore") String dueBefore) {
        LocalDate until;
        try {
            until = dueBefore == null || dueBefore.isBlank() ? LocalDate.now(Amsterdam.ZONE) : LocalDate.parse(dueBefore);
        } catch (java.time.format.DateTimeParseException e) {
            throw new ValidationFailedException("payments.dateInvalid");
        }
        return Response.ok(payments.exportDue(until), "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"betalingen-tot-" + until + ".csv\"").build();
    }
}
