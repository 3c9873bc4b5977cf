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
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.preventiefonds.payment.PaymentInstruction;
import nl.preventiefonds.payment.PaymentService;
import nl.preventiefonds.payment.PaymentStatus;
import nl.preventiefonds.platform.Amsterdam;
import nl.preventiefonds.platform.ValidationFailedException;

/** Payment instructions for fund managers: list, mark paid, export as CSV. Payees' IBANs: never cached. */
@Path("payments")
@nl.preventiefonds.platform.web.NoStore.Marked
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class PaymentResource {
    @Inject
    private PaymentService payments;

    @GET
    public List<Map<String, Object>> list(@QueryParam("status") PaymentStatus status,
                                          @QueryParam("first") int first, @QueryParam("size") Integer size) {
        return payments.page(new PaymentService.Filter(status, null), first, size == null ? 50 : size).stream()
                .map(PaymentResource::view).toList();
    }

    public record Paid(LocalDate paidOn, String bankReference) {
    }

    @POST
    @Path("{id}/paid")
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, Object> markPaid(@PathParam("id") long id, Paid body) {
        payments.markPaid(id, body == null ? null : body.paidOn(), body == null ? null : body.bankReference());
        return Map.of("id", id, "status", PaymentStatus.PAID.name());
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

    private static Map<String, Object> view(PaymentInstruction p) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", p.getId());
        row.put("applicationId", p.getApplication().getId());
        row.put("reference", p.getApplication().getReference());
        row.put("label", p.getLabel());
        row.put("amount", p.getAmount());
        row.put("dueOn", p.getDueOn().toString());
        row.put("payeeName", p.getPayeeName());
        row.put("payeeIban", p.getPayeeIban());
        row.put("status", p.getStatus().name());
        row.put("paidOn", p.getPaidOn() == null ? null : p.getPaidOn().toString());
        row.put("bankReference", p.getBankReference());
        return row;
    }
}
