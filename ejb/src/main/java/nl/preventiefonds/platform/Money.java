package nl.preventiefonds.platform;

import java.io.Serializable;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * An amount in euros with cents: always scale 2, so "12.5" is 12.50 and two amounts are equal exactly when they
 * are the same number of cents. The only place that brings an amount to cents; each factory names its rule:
 * <ul>
 * <li>{@link #exact}: the amount must already be whole cents ("12.345" is refused with an ArithmeticException, as
 * {@code setScale(2)} does), for amounts that were validated or come from a cents column;</li>
 * <li>{@link #halfUp}: commercial rounding, half a cent away from zero (0.005 is 0.01, -0.005 is -0.01), for
 * computed amounts and figures shown to people;</li>
 * <li>{@link #down}: fractions of a cent dropped towards zero, for a share that must never exceed its whole
 * (an advance of a grant).</li>
 * </ul>
 * Entities keep their BigDecimal columns; {@link #amount()} gives the value to store.
 */
public final class Money implements Comparable<Money>, Serializable {
    private static final long serialVersionUID = 1L;

    /** Cents: the scale of every amount. */
    public static final int SCALE = 2;
    public static final Money ZERO = new Money(BigDecimal.ZERO.setScale(SCALE));
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final BigDecimal amount;

    private Money(BigDecimal amount) {
        this.amount = amount;
    }

    /** Whole cents as given; more decimals than two that are not zeros throw ArithmeticException. */
    public static Money exact(BigDecimal amount) {
        return new Money(amount.setScale(SCALE, RoundingMode.UNNECESSARY));
    }

    /** As {@link #exact}, but null stays null (an optional amount). */
    public static Money exactOrNull(BigDecimal amount) {
        return amount == null ? null : exact(amount);
    }

    /** Rounded to cents, half a cent away from zero. */
    public static Money halfUp(BigDecimal amount) {
        return new Money(amount.setScale(SCALE, RoundingMode.HALF_UP));
    }

    /** Cut to cents towards zero: 12.349 is 12.34, -12.349 is -12.34. */
    public static Money down(BigDecimal amount) {
        return new Money(amount.setScale(SCALE, RoundingMode.DOWN));
    }

    /** {@code percent} per cent of {@code amount}, cut to cents towards zero: a share never more than its part. */
    public static Money percentDown(BigDecimal amount, int percent) {
        return new Money(amount.multiply(BigDecimal.valueOf(percent)).divide(HUNDRED, SCALE, RoundingMode.DOWN));
    }

    /**
     * An amount the database computed (a SUM or a column read by a native query: BigDecimal, Long, Double or
     * text, depending on database and driver), in exact cents; null when the database gave none.
     */
    public static Money fromAggregate(Object value) {
        return value == null ? null : exact(new BigDecimal(value.toString()));
    }

    /** As {@link #fromAggregate}, but no value (a SUM over no rows) is zero. */
    public static Money fromAggregateOrZero(Object value) {
        return value == null ? ZERO : fromAggregate(value);
    }

    /** The amount with scale 2, for a column or a JSON field. */
    public BigDecimal amount() {
        return amount;
    }

    public Money plus(Money other) {
        return new Money(amount.add(other.amount));
    }

    public Money minus(Money other) {
        return new Money(amount.subtract(other.amount));
    }

    public Money negate() {
        return new Money(amount.negate());
    }


    public Money max(Money other) {
        return compareTo(other) >= 0 ? this : other;
    }

    public Money min(Money other) {
        return compareTo(other) <= 0 ? this : other;
    }

    /** This amount, or zero when it is negative. */
    public Money atLeastZero() {
        return max(ZERO);
    }

    public int signum() {
        return amount.signum();
    }

    public boolean isPositive() {
        return amount.signum() > 0;
    }

    public boolean isNegative() {
        return amount.signum() < 0;
    }

    public boolean isZero() {
        return amount.signum() == 0;
    }

    @Override
    public int compareTo(Money other) {
        return amount.compareTo(other.amount);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Money money && amount.equals(money.amount);
    }

    @Override
    public int hashCode() {
        return amount.hashCode();
    }

    /** "1234.50": the plain amount, for logs and the audit trail. */
    @Override
    public String toString() {
        return amount.toPlainString();
    }
}
