package nl.preventiefonds.decision;

import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.util.List;
import nl.preventiefonds.platform.Money;

/**
 * Commits awarded money against a fund's year budget and then against the call's own budget (a ceiling inside the
 * year), each with one conditional UPDATE: the database adds the amount only if the total stays within the budget,
 * under its own row lock. No check-then-act in Java, so concurrent decisions can never overcommit; CHECK
 * constraints on the columns are the second guard. The year row is always locked before the call row (decisions,
 * determinations), so two transactions never wait for each other crosswise.
 */
@Dependent
public class BudgetLedger {
    @PersistenceContext
    private EntityManager em;

    /** What a commitment came to; nothing changed unless {@link #COMMITTED}. */
    public enum Commitment {
        COMMITTED, YEAR_INSUFFICIENT, CALL_INSUFFICIENT
    }

    /**
     * The year alone: true when committed; false when the amount does not fit (nothing changed then). Services
     * commit through {@link #commit(long, long, int, BigDecimal)}, so no award passes by its call's budget.
     */
    boolean commit(long fundId, int year, BigDecimal amount) {
        int updated = em.createNativeQuery("UPDATE fund_year_budget SET committed = committed + ?"
                        + " WHERE fund_id = ? AND budget_year = ? AND committed + ? <= budget")
                .setParameter(1, amount).setParameter(2, fundId).setParameter(3, year).setParameter(4, amount)
                .executeUpdate();
        return updated == 1;
    }

    /**
     * Commits against the year and then the call's own budget, in one transaction; when the call's budget refuses,
     * the year's commitment is taken back at once, so nothing changed unless the answer is COMMITTED.
     */
    public Commitment commit(long callId, long fundId, int year, BigDecimal amount) {
        if (!commit(fundId, year, amount)) {
            return Commitment.YEAR_INSUFFICIENT;
        }
        int updated = em.createNativeQuery("UPDATE funding_call SET committed = committed + ?"
                        + " WHERE id = ? AND (budget IS NULL OR committed + ? <= budget)")
                .setParameter(1, amount).setParameter(2, callId).setParameter(3, amount).executeUpdate();
        if (updated != 1) {
            release(fundId, year, amount);
            return Commitment.CALL_INSUFFICIENT;
        }
        return Commitment.COMMITTED;
    }

    /** Budget minus committed for the year; zero when the year has no budget. */
    public BigDecimal remaining(long fundId, int year) {
        List<?> rows = em.createNativeQuery("SELECT budget - committed FROM fund_year_budget"
                        + " WHERE fund_id = ? AND budget_year = ?")
                .setParameter(1, fundId).setParameter(2, year).getResultList();
        return rows.isEmpty() ? Money.ZERO.amount() : Money.fromAggregate(rows.get(0)).amount();
    }

    public BigDecimal committed(long fundId, int year) {
        List<?> rows = em.createNativeQuery("SELECT committed FROM fund_year_budget"
                        + " WHERE fund_id = ? AND budget_year = ?")
                .setParameter(1, fundId).setParameter(2, year).getResultList();
        return rows.isEmpty() ? Money.ZERO.amount() : Money.fromAggregate(rows.get(0)).amount();
    }

    /** A call's budget, what it has committed and what is left: null budget and rest when it has none. */
    public record CallPosition(BigDecimal budget, BigDecimal committed, BigDecimal yearRemaining) {
        /** Left in the call's own budget; null when the call has none. */
        public BigDecimal callRemaining() {
            return budget == null ? null : budget.subtract(committed).max(Money.ZERO.amount());
        }

        /** What one more award may be: the year's rest, and the call's rest when that is lower. */
        public BigDecimal available() {
            return available(yearRemaining, budget, committed);
        }

        /** True when the call's own budget is the one that limits the next award. */
        public boolean callLimits() {
            return budget != null && callRemaining().compareTo(yearRemaining) < 0;
        }

        /** The ceiling rule: the lesser of the year's rest and the call's rest (never below zero). */
        public static BigDecimal available(BigDecimal yearRemaining, BigDecimal callBudget, BigDecimal callCommitted) {
            BigDecimal year = Money.exact(yearRemaining.max(BigDecimal.ZERO)).amount();
            if (callBudget == null) {
                return year;
            }
            return Money.exact(callBudget.subtract(callCommitted).max(BigDecimal.ZERO).min(year)).amount();
        }
    }

    /** The call's budget position inside its fund year; the year's rest is zero when the call has no year. */
    public CallPosition position(long callId) {
        List<?> rows = em.createNativeQuery("SELECT c.budget, c.committed, y.budget - y.committed FROM funding_call c"
                        + " LEFT JOIN fund_year_budget y ON y.fund_id = c.fund_id AND y.budget_year = c.budget_year"
                        + " WHERE c.id = ?")
                .setParameter(1, callId).getResultList();
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("no call " + callId);
        }
        Object[] row = (Object[]) rows.get(0);
        return new CallPosition(money(row[0]), Money.fromAggregateOrZero(row[1]).amount(),
                Money.fromAggregateOrZero(row[2]).amount());
    }

    /** Gives money back to the year budget alone; services release through the call's overload. */
    void release(long fundId, int year, BigDecimal amount) {
        int updated = em.createNativeQuery("UPDATE fund_year_budget SET committed = committed - ?"
                        + " WHERE fund_id = ? AND budget_year = ? AND committed - ? >= 0")
                .setParameter(1, amount).setParameter(2, fundId).setParameter(3, year).setParameter(4, amount)
                .executeUpdate();
        if (updated != 1) {
            throw new IllegalStateException("cannot release " + amount + " from fund " + fundId + " year " + year);
        }
    }

    /**
     * Gives money back to the year budget and then to the call's (same order as a commitment): a grant determined
     * lower than awarded, or an award revoked.
     */
    public void release(long callId, long fundId, int year, BigDecimal amount) {
        release(fundId, year, amount);
        int updated = em.createNativeQuery("UPDATE funding_call SET committed = committed - ?"
                        + " WHERE id = ? AND committed - ? >= 0")
                .setParameter(1, amount).setParameter(2, callId).setParameter(3, amount).executeUpdate();
        if (updated != 1) {
            // Given back to the year as it was, so nothing changed (the caller's transaction rolls back anyway).
            em.createNativeQuery("UPDATE fund_year_budget SET committed = committed + ? WHERE fund_id = ?"
                    + " AND budget_year = ?").setParameter(1, amount).setParameter(2, fundId).setParameter(3, year)
                    .executeUpdate();
            throw new IllegalStateException("cannot release " + amount + " from call " + callId);
        }
    }

    private static BigDecimal money(Object value) {
        Money money = Money.fromAggregate(value);
        return money == null ? null : money.amount();
    }
}
