package nl.preventiefonds.determination.web;

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
import nl.preventiefonds.decision.ObjectionOutcome;
import nl.preventiefonds.determination.Determination;
import nl.preventiefonds.determination.DeterminationForm;
import nl.preventiefonds.determination.DeterminationObjection;
import nl.preventiefonds.determination.DeterminationObjectionService;
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
    @Inject
    private DeterminationService determinations;

    @Inject
    private PaymentService payments;

    @Inject
    private DeterminationObjectionService objections;

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
            view.put("replacesId", d.getReplaces() == null ? null : d.getReplaces().getId());
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
    public DeterminationService.DeterminationResult determine(@PathParam("id") long id, DeterminationForm form) {
        return determinations.determine(id, form == null ? new DeterminationForm() : form);
    }

    /**
     * An objection against the determination in force: by the organiser (received today) or by staff on their
     * behalf with the day it was received; {@code lateExcused} (staff only) lets a late one in (Awb 6:11).
     */
    public record DeterminationObjectionBody(LocalDate receivedOn, String lodgedBy, String grounds,
                                             Boolean lateExcused) {
    }

    public record Registered(long id) {
    }

    /** One objection against a determination of the application. */
    public record ObjectionView(long id, long determinationId, LocalDate receivedOn, String lodgedBy, String grounds,
                                boolean onTime, boolean lateExcused, LocalDate decideBy, ObjectionOutcome outcome,
                                LocalDate outcomeOn, String outcomeNotes, Long newDeterminationId, Long letterId) {
        static ObjectionView of(DeterminationObjection o) {
            return new ObjectionView(o.getId(), o.getDetermination().getId(), o.getReceivedOn(), o.getLodgedBy(),
                    o.getGrounds(), o.isOnTime(), o.isLateExcused(), o.getDecideBy(), o.getOutcome(),
                    o.getOutcomeOn(), o.getOutcomeNotes(),
                    o.getNewDetermination() == null ? null : o.getNewDetermination().getId(),
                    o.getLetter() == null ? null : o.getLetter().getId());
        }
    }

    @GET
    @Path("objections")
    public List<ObjectionView> objections(@PathParam("id") long id) {
        return objections.forApplication(id).stream().map(ObjectionView::of).toList();
    }

    /** 200 with the objection's id; 422 when late and not excused or without a determination; 409 while one is open. */
    @POST
    @Path("objections")
    @Consumes(MediaType.APPLICATION_JSON)
    public Registered objection(@PathParam("id") long id, DeterminationObjectionBody body) {
        DeterminationObjectionBody b = body == null ? new DeterminationObjectionBody(null, null, null, null) : body;
        return new Registered(objections.register(id, b.receivedOn(), b.lodgedBy(), b.grounds(),
                Boolean.TRUE.equals(b.lateExcused())));
    }

    /**
     * The outcome; an upheld one (UPHELD, PARTLY_UPHELD) carries the new determination ({@code finalAmount},
     * {@code reasons}) that replaces the contested one. 409 when the objection was concluded already.
     */
    public record ConclusionBody(ObjectionOutcome outcome, String notes, DeterminationForm determination) {
    }

    @POST
    @Path("objections/{objectionId}/outcome")
    @Consumes(MediaType.APPLICATION_JSON)
    public DeterminationObjectionService.ObjectionConclusionResult conclude(@PathParam("id") long id,
                                                         @PathParam("objectionId") long objectionId,
                                                         ConclusionBody body) {
        return objections.conclude(id, objectionId, body == null ? new DeterminationObjectionService.Conclusion(null,
                null, null) : new DeterminationObjectionService.Conclusion(body.outcome(), body.notes(),
                body.determination()));
    }
}
