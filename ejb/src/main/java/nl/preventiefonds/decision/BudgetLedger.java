package nl.preventiefonds.decision;

import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.util.List;

/**
 * Commits awarded money against a fund's year budget with one conditional UPDATE: the database
 * adds the amount only if the total stays within the budget, under its own row lock. No
 * check-then-act in Java, so concurrent decisions can never overcommit; a CHECK constraint on
 * the column is the second guard.
 */
@Dependent
public class BudgetLedger {
    @PersistenceContext
    private EntityManager em;

    /** True when committed; false when the amount does not fit (nothing changed then). */
    public boolean commit(long fundId, int year, BigDecimal amount) {
        int updated = em.createNativeQuery("UPDATE fund_year_budget SET committed = committed + ?"
                        + " WHERE fund_id = ? AND budget_year = ? AND committed + ? <= budget")
                .setParameter(1, amount).setParameter(2, fundId).setParameter(3, year).setParameter(4, amount)
                .executeUpdate();
        return updated == 1;
    }

    /** Budget minus committed for the year; zero when the year has no budget. */
    public BigDecimal remaining(long fundId, int year) {
        List<?> rows = em.createNativeQuery("SELECT budget - committed FROM fund_year_budget"
                        + " WHERE fund_id = ? AND budget_year = ?")
                .setParameter(1, fundId).setParameter(2, year).getResultList();
        return rows.isEmpty() ? BigDecimal.ZERO.setScale(2) : new BigDecimal(rows.get(0).toString()).setScale(2);
    }

    public BigDecimal committed(long fundId, int year) {
        List<?> rows = em.createNativeQuery("SELECT committed FROM fund_year_budget"
                        + " WHERE fund_id = ? AND budget_year = ?")
                .setParameter(1, fundId).setParameter(2, year).getResultList();
        return rows.isEmpty() ? BigDecimal.ZERO.setScale(2) : new BigDecimal(rows.get(0).toString()).setScale(2);
    }

    /** Gives money back to the year budget, e.g. when a grant is determined lower than awarded. */
    public void release(long fundId, int year, BigDecimal amount) {
        int updated = em.createNativeQuery("UPDATE fund_year_budget SET committed = committed - ?"
                        + " WHERE fund_id = ? AND budget_year = ? AND committed - ? >= 0")
                .setParameter(1, amount).setParameter(2, fundId).setParameter(3, year).setParameter(4, amount)
                .executeUpdate();
        if (updated != 1) {
            throw new IllegalStateException("cannot release " + amount + " from fund " + fundId + " year " + year);
        }
    }
}
