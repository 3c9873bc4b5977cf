package nl.preventiefonds.determination;

import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import nl.preventiefonds.decision.GrantDecision;
import nl.preventiefonds.decision.ObjectionTerms;
import nl.preventiefonds.platform.Amsterdam;

/** Determinations of the demo world only (never production); payments and letters are left to the caller. */
public final class DemoDeterminations {
    private DemoDeterminations() {
    }

    /** The grant determined at the given amount, everything awarded paid before. */
    public static Determination determined(EntityManager em, GrantDecision decision, BigDecimal finalAmount,
                                           String reasons, Instant determinedAt, String officer) {
        LocalDate on = LocalDate.ofInstant(determinedAt, Amsterdam.ZONE);
        Determination determination = new Determination(decision, finalAmount, decision.getAmount(), reasons, false,
                on, determinedAt, officer, ObjectionTerms.objectionDeadline(on,
                nl.preventiefonds.calendar.StatutoryCalendar.read(em)));
        em.persist(determination);
        // What the determination gives back returns to the call (and its year), as DeterminationService does.
        if (decision.getBudgetYear() != null) {
            em.createNativeQuery("UPDATE fund_year_budget SET committed = committed - ? WHERE fund_id = ?"
                    + " AND budget_year = ?").setParameter(1, determination.getReleased())
                    .setParameter(2, decision.getFund().getId()).setParameter(3, decision.getBudgetYear())
                    .executeUpdate();
        }
        em.createNativeQuery("UPDATE funding_call SET committed = committed - ? WHERE id = ?")
                .setParameter(1, determination.getReleased())
                .setParameter(2, decision.getApplication().getCall().getId()).executeUpdate();
        decision.getApplication().determined(determinedAt);
        return determination;
    }
}
