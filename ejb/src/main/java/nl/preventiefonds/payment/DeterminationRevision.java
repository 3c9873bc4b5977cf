package nl.preventiefonds.payment;

import java.math.BigDecimal;

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
    private static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);

    /**
     * @param contestedFinal the final amount of the determination objected to
     * @param newFinal       the final amount of the determination replacing it
     * @param unpaid         the payments still due (scheduled or balance, not yet paid)
     * @param reclaimAmount  the determination's reclaim; null when it has none
     * @param reclaimReceived what was repaid on that reclaim (ignored without one)
     */
    public static DeterminationRevision of(BigDecimal contestedFinal, BigDecimal newFinal, BigDecimal unpaid,
                                           BigDecimal reclaimAmount, BigDecimal reclaimReceived) {
        BigDecimal difference = newFinal.subtract(contestedFinal).setScale(2);
        BigDecimal before = reclaimAmount == null ? null : reclaimAmount.setScale(2);
        if (difference.signum() >= 0) {
            if (before == null) {
                return new DeterminationRevision(difference, false, difference, null, null);
            }
            BigDecimal outstanding = before.subtract(reclaimReceived).max(ZERO);
            BigDecimal lowered = difference.min(outstanding);
            return new DeterminationRevision(difference, false, difference.subtract(lowered).setScale(2), before,
                    before.subtract(lowered).setScale(2));
        }
        BigDecimal owed = difference.negate();
        BigDecimal due = unpaid.setScale(2);
        boolean cancel = due.signum() > 0;
        BigDecimal payment = ZERO;
        if (cancel) {
            BigDecimal absorbed = due.min(owed);
            payment = due.subtract(absorbed).setScale(2);
            owed = owed.subtract(absorbed).setScale(2);
        }
        BigDecimal after = owed.signum() > 0 ? (before == null ? ZERO : before).add(owed).setScale(2) : before;
        return new DeterminationRevision(difference, cancel, payment, before, after);
    }
}
