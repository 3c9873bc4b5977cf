package nl.preventiefonds.payment;

import java.time.LocalDate;

/** Marks a demo payment as paid, for the demo world only (never production). */
public final class DemoPayments {
    private DemoPayments() {
    }

    public static void paid(PaymentInstruction instruction, LocalDate on) {
        instruction.markPaid(on, "beheerder@demo.preventiefonds.nl", "DEMO-" + instruction.getDueOn());
    }

    /** A reclaim after a demo determination, paid back in full. */
    public static Reclaim settledReclaim(jakarta.persistence.EntityManager em, long determinationId,
                                         nl.preventiefonds.application.Application application,
                                         java.math.BigDecimal amount, LocalDate determinedOn, LocalDate repaidOn,
                                         java.time.Instant now) {
        Reclaim reclaim = new Reclaim(determinationId, application, amount, determinedOn, now);
        reclaim.receive(amount, repaidOn);
        em.persist(reclaim);
        em.persist(new ReclaimReceipt(reclaim, amount, repaidOn, "DEMO-TERUG", "beheerder@demo.preventiefonds.nl",
                now));
        return reclaim;
    }
}
