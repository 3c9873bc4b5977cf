package nl.preventiefonds.determination.web;

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
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
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
import org.eclipse.microprofile.openapi.annotations.media.Schema;

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

    /**
     * The determination in force (its {@code id}, amounts, dates and letter) or, while there is none, whether the
     * application can be determined ({@code determinable}, {@code reason}, {@code exOfficio}, {@code paid},
     * {@code scheduledUnpaid}); {@code reclaim} when money is to be paid back. The fields of the other case are left
     * out; {@code letterId}, {@code replacesId} and {@code reason} are written as null when empty.
     */
    public record DeterminationState(Long id, BigDecimal awarded, BigDecimal finalAmount, BigDecimal paidBefore,
                                     BigDecimal cancelledUnpaid, Boolean direct, LocalDate determinedOn,
                                     LocalDate objectionDeadline, @JsonbNillable @Schema(nullable = true) Long letterId,
                                     @JsonbNillable @Schema(nullable = true) Long replacesId, Boolean determinable,
                                     @JsonbNillable @Schema(nullable = true) String reason, Boolean exOfficio, BigDecimal paid,
                                     BigDecimal scheduledUnpaid, ReclaimResource.ReclaimView reclaim) {
        static DeterminationState of(Determination d, ReclaimResource.ReclaimView reclaim) {
            return new DeterminationState(d.getId(), d.getAwarded(), d.getFinalAmount(), d.getPaidBefore(),
                    d.getCancelledUnpaid(), d.isDirect(), d.getDeterminedOn(), d.getObjectionDeadline(),
                    d.getLetter() == null ? null : d.getLetter().getId(),
                    d.getReplaces() == null ? null : d.getReplaces().getId(), null, null, null, null, null, reclaim);
        }

        static DeterminationState of(DeterminationService.Readiness r, ReclaimResource.ReclaimView reclaim) {
            return new DeterminationState(null, r.awarded(), null, null, null, null, null, null, null, null,
                    r.determinable(), r.reasonKey(), r.exOfficio(), r.paid(), r.scheduledUnpaid(), reclaim);
        }
    }

    @GET
    public DeterminationState determination(@PathParam("id") long id) {
        Determination d = determinations.forApplication(id).orElse(null);
        DeterminationService.Readiness readiness = d == null ? determinations.readiness(id) : null;
        Reclaim reclaim = payments.reclaimForApplication(id);
        ReclaimResource.ReclaimView reclaimView = reclaim == null ? null : ReclaimResource.ReclaimView.of(reclaim);
        return d != null ? DeterminationState.of(d, reclaimView) : DeterminationState.of(readiness, reclaimView);
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

    @Schema(name = "DeterminationObjectionRegistered")
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
