package nl.preventiefonds.determination.web;

import jakarta.ejb.EJB;
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
import java.util.LinkedHashMap;
import java.util.Map;
import nl.preventiefonds.determination.Determination;
import nl.preventiefonds.determination.DeterminationForm;
import nl.preventiefonds.determination.DeterminationService;
import nl.preventiefonds.payment.PaymentService;
import nl.preventiefonds.payment.Reclaim;
import nl.preventiefonds.payment.Settlement;
import nl.preventiefonds.payment.web.ReclaimResource;
import nl.preventiefonds.platform.ValidationFailedException;

/** An application's determination (vaststelling) over JSON: its state, a preview, and taking it. */
@Path("applications/{id}/determination")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class DeterminationResource {
    @EJB
    private DeterminationService determinations;

    @EJB
    private PaymentService payments;

    @GET
    public Map<String, Object> determination(@PathParam("id") long id) {
        Map<String, Object> view = new LinkedHashMap<>();
        Determination d = determinations.forApplication(id).orElse(null);
        if (d != null) {
            view.put("id", d.getId());
            view.put("awarded", d.getAwarded());
            view.put("finalAmount", d.getFinalAmount());
            view.put("paidBefore", d.getPaidBefore());
            view.put("cancelledUnpaid", d.getCancelledUnpaid());
            view.put("direct", d.isDirect());
            view.put("determinedOn", d.getDeterminedOn().toString());
            view.put("objectionDeadline", d.getObjectionDeadline().toString());
            view.put("letterId", d.getLetter() == null ? null : d.getLetter().getId());
        } else {
            DeterminationService.Readiness readiness = determinations.readiness(id);
            view.put("determinable", readiness.determinable());
            view.put("reason", readiness.reasonKey());
            view.put("exOfficio", readiness.exOfficio());
            view.put("awarded", readiness.awarded());
            view.put("paid", readiness.paid());
            view.put("scheduledUnpaid", readiness.scheduledUnpaid());
        }
        Reclaim reclaim = payments.reclaimForApplication(id);
        if (reclaim != null) {
            view.put("reclaim", ReclaimResource.reclaim(reclaim));
        }
        return view;
    }

    @GET
    @Path("preview")
    public Settlement preview(@PathParam("id") long id, @QueryParam("finalAmount") String finalAmount) {
        BigDecimal amount;
        try {
            amount = new BigDecimal(finalAmount);
        } catch (NumberFormatException | NullPointerException e) {
            throw ValidationFailedException.of("determination.amountInvalid");
        }
        return determinations.preview(id, amount);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public DeterminationService.Result determine(@PathParam("id") long id, DeterminationForm form) {
        return determinations.determine(id, form == null ? new DeterminationForm() : form);
    }
}
