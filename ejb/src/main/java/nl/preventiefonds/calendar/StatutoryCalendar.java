package nl.preventiefonds.calendar;

import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The calendar statutory terms are counted on, with the equated days as stored. Read on every use (a handful of
 * rows by primary key), so a change on one node of a cluster counts on all of them at once.
 */
@Dependent
public class StatutoryCalendar {
    @PersistenceContext
    private EntityManager em;

    /** What the list reaches and which years in use it does not. */
    public record Coverage(Integer lastYear, List<Integer> yearsInUse, List<Integer> yearsNotReached) {
        public boolean complete() {
            return yearsNotReached.isEmpty();
        }
    }

    public EquatedDays equatedDays() {
        return read(em);
    }

    /** For code that has an entity manager but no injection (the demo world). */
    public static EquatedDays read(EntityManager em) {
        return EquatedDays.of(em.createQuery("SELECT e.equatedOn FROM EquatedDay e", LocalDate.class)
                .getResultList());
    }

    public LocalDate onOrNextWorkingDay(LocalDate date) {
        return DutchCalendar.onOrNextWorkingDay(date, equatedDays());
    }

    /**
     * The years terms are counted in: next year (a term that starts now may end then) and every fund year from this
     * one on (decisions on its calls are taken in it), over every municipality's funds: the installation's view (the
     * startup check, the installation administrator).
     */
    public Coverage coverage(LocalDate today) {
        return coverage(today, null);
    }

    /**
     * As above, over one municipality's funds, or all when {@code municipalityId} is null (a fund manager learns
     * nothing of another municipality's fund years).
     */
    public Coverage coverage(LocalDate today, Long municipalityId) {
        List<Integer> inUse = new ArrayList<>();
        inUse.add(today.getYear() + 1);
        String sql = "SELECT DISTINCT b.budget_year FROM fund_year_budget b JOIN fund f ON f.id = b.fund_id"
                + " WHERE b.budget_year >= ?1" + (municipalityId == null ? "" : " AND f.municipality_id = ?2");
        var query = em.createNativeQuery(sql).setParameter(1, today.getYear());
        if (municipalityId != null) {
            query.setParameter(2, municipalityId);
        }
        for (Object year : query.getResultList()) {
            inUse.add(((Number) year).intValue());
        }
        List<Integer> sorted = inUse.stream().distinct().sorted().toList();
        EquatedDays days = equatedDays();
        return new Coverage(days.lastYear().isPresent() ? days.lastYear().getAsInt() : null, sorted,
                days.notReached(sorted));
    }
}
