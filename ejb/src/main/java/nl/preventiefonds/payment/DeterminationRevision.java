package nl.preventiefonds.payment;

import java.math.BigDecimal;
import nl.preventiefonds.platform.Money;

/**
 * What a determination replaced on objection (Awb 7:11) means for the money, given where the first determination
 * left it. Pure, so unit-tested.
 *
 * <p>A higher final amount first lowers the open reclaim, never below what was already repaid; whatever the reclaim
 * cannot absorb (no reclaim, or more repaid than is now owed) is paid. A lower final amount first takes back the
 * payments still due (they are cancelled and only what is still owed is instructed again), and what those cannot
 * absorb is reclaimed: the existing reclaim is raised, or one is opened.
 *
 * @param difference     new final amount minus the contested one
 * @param cancelUnpaid   the payments still due are cancelled
 * @param payment        a new payment to the recipient (zero when none)
 * @param reclaimBefore  the reclaim's amount before; null when there was none
 * @param reclaimAfter   the reclaim's amount after; null when there is none (zero: cancelled)
 */
public record DeterminationRevision(BigDecimal difference, boolean cancelUnpaid, BigDecimal payment,
                                    BigDecimal reclaimBefore, BigDecimal reclaimAfter) {
    /**
     * @param contestedFinal the final amount of the determination objected to
     * @param newFinal       the final amount of the determination replacing it
     * @param unpaid         the payments still due (scheduled or balance, not yet paid)
     * @param reclaimAmount  the determination's reclaim; null when it has none
     * @param reclaimReceived what was repaid on that reclaim (ignored without one)
     */
    public static DeterminationRevision of(BigDecimal contestedFinal, BigDecimal newFinal, BigDecimal unpaid,
                                           BigDecimal reclaimAmount, BigDecimal reclaimReceived) {
        Money difference = Money.exact(newFinal.subtract(contestedFinal));
        Money before = Money.exactOrNull(reclaimAmount);
        if (difference.signum() >= 0) {
            if (before == null) {
                return revision(difference, false, difference, null, null);
            }
            Money outstanding = before.minus(Money.exact(reclaimReceived)).atLeastZero();
            Money lowered = difference.min(outstanding);
            return revision(difference, false, difference.minus(lowered), before, before.minus(lowered));
        }
        Money owed = difference.negate();
        Money due = Money.exact(unpaid);
        boolean cancel = due.isPositive();
        Money payment = Money.ZERO;
        if (cancel) {
            Money absorbed = due.min(owed);
            payment = due.minus(absorbed);
            owed = owed.minus(absorbed);
        }
        Money after = owed.isPositive() ? (before == null ? Money.ZERO : before).plus(owed) : before;
        return revision(difference, cancel, payment, before, after);
    }

    private static DeterminationRevision revision(Money difference, boolean cancelUnpaid, Money payment,
                                                  Money before, Money after) {
        return new DeterminationRevision(difference.amount(), cancelUnpaid, payment.amount(),
                before == null ? null : before.amount(), after == null ? null : after.amount());
    }
}
