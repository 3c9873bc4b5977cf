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
        decision.getApplication().determined(determinedAt);
        return determination;
    }
}
