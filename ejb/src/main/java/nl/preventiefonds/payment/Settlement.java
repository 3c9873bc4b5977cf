package nl.preventiefonds.payment;

import java.math.BigDecimal;
import java.util.List;
import nl.preventiefonds.platform.Money;

/**
 * What a determination means for the money: what was paid, which scheduled payments still stand, what the
 * municipality still pays (within four weeks, Awb 4:52) or reclaims (Awb 4:57).
 *
 * <p>Scheduled payments that are not yet paid stand when, together with what was paid, they do not exceed the
 * final amount; otherwise all of them are cancelled and the difference is settled in one balance payment or
 * one reclaim. Never both a payment and a reclaim.
 */
public record Settlement(BigDecimal finalAmount, BigDecimal paid, BigDecimal keptUnpaid, List<Long> cancelledIds,
                         BigDecimal cancelledTotal, BigDecimal balancePayment, BigDecimal reclaim) {

    /** A scheduled payment not yet marked paid. */
    public record Unpaid(long id, BigDecimal amount) {
    }

    /** Where the payment instructions of a decision stand: what was paid, and the scheduled ones still due. */
    public record Standing(BigDecimal paid, List<Unpaid> unpaid) {
        public static Standing of(List<PaymentInstruction> instructions) {
            BigDecimal paid = Money.ZERO.amount();
            List<Unpaid> unpaid = new java.util.ArrayList<>();
            for (PaymentInstruction p : instructions) {
                if (p.getStatus() == PaymentStatus.PAID) {
                    paid = paid.add(p.getAmount());
                } else if (p.getStatus() == PaymentStatus.DUE) {
                    unpaid.add(new Unpaid(p.getId(), p.getAmount()));
                }
            }
            return new Standing(paid, List.copyOf(unpaid));
        }

        public BigDecimal unpaidTotal() {
            return unpaid.stream().map(Unpaid::amount).reduce(Money.ZERO.amount(), BigDecimal::add);
        }
    }

    public static Settlement of(BigDecimal finalAmount, Standing standing) {
        return of(finalAmount, standing.paid(), standing.unpaid());
    }

    public static Settlement of(BigDecimal finalAmount, BigDecimal paid, List<Unpaid> unpaid) {
        BigDecimal zero = Money.ZERO.amount();
        BigDecimal scheduled = unpaid.stream().map(Unpaid::amount).reduce(zero, BigDecimal::add);
        if (paid.add(scheduled).compareTo(finalAmount) <= 0) {
            BigDecimal balance = Money.exact(finalAmount.subtract(paid).subtract(scheduled)).amount();
            return new Settlement(finalAmount, paid, scheduled, List.of(), zero, balance, zero);
        }
        List<Long> cancelled = unpaid.stream().map(Unpaid::id).toList();
        Money difference = Money.exact(finalAmount.subtract(paid));
        return new Settlement(finalAmount, paid, zero, cancelled, scheduled,
                difference.atLeastZero().amount(), difference.negate().atLeastZero().amount());
    }

    /** Positive: the municipality still pays (balance and scheduled payments); negative: it reclaims. */
    public BigDecimal stillToPay() {
        return balancePayment.add(keptUnpaid).subtract(reclaim);
    }
}
