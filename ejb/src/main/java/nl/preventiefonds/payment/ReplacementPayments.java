package nl.preventiefonds.payment;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import nl.preventiefonds.platform.Money;

/**
 * What an award replaced on objection (Awb 7:11) means for the money. The contested decision's unpaid payments are
 * cancelled; what was paid under it counts first against the new decision's schedule, tranche by tranche in order,
 * and only the part of a tranche it does not cover is still instructed. Paid beyond the new grant (a lower award,
 * or a refusal) is reclaimed (Awb 4:57). Pure, so unit-tested.
 *
 * @param instructed per tranche of the new schedule, what is still to be paid (zero when paid already)
 * @param reclaim    paid beyond the new grant
 */
public record ReplacementPayments(List<BigDecimal> instructed, BigDecimal reclaim) {

    public static ReplacementPayments of(BigDecimal paid, List<BigDecimal> newTranches, BigDecimal newGrant) {
        BigDecimal zero = Money.ZERO.amount();
        BigDecimal cover = Money.exact(paid).amount();
        List<BigDecimal> instructed = new ArrayList<>();
        for (BigDecimal tranche : newTranches) {
            BigDecimal covered = cover.min(tranche);
            instructed.add(Money.exact(tranche.subtract(covered)).amount());
            cover = cover.subtract(covered);
        }
        BigDecimal beyond = Money.exact(paid.subtract(newGrant)).amount();
        return new ReplacementPayments(List.copyOf(instructed), beyond.signum() > 0 ? beyond : zero);
    }
}
