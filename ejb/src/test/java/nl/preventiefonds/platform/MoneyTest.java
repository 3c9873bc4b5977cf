package nl.preventiefonds.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MoneyTest {

    private static Money m(String amount) {
        return Money.exact(new BigDecimal(amount));
    }

    /** The amount as text with its scale: "12.50", never "12.5". */
    private static String text(Money money) {
        return money.amount().toPlainString();
    }

    @ParameterizedTest(name = "exact {0} = {1}")
    @CsvSource({"12, 12.00", "12.5, 12.50", "12.34, 12.34", "12.3400, 12.34", "-0.01, -0.01", "0, 0.00",
            "1E+3, 1000.00", "-7.10, -7.10"})
    void exactKeepsWholeCents(String amount, String expected) {
        Money money = Money.exact(new BigDecimal(amount));
        assertEquals(expected, text(money));
        assertEquals(2, money.amount().scale());
    }

    @ParameterizedTest(name = "exact {0} is refused")
    @ValueSource(strings = {"12.345", "0.001", "-0.005", "12.3401"})
    void exactRefusesFractionsOfACent(String amount) {
        assertThrows(ArithmeticException.class, () -> Money.exact(new BigDecimal(amount)));
    }

    @ParameterizedTest(name = "halfUp {0} = {1}")
    @CsvSource({"0.005, 0.01", "0.0049, 0.00", "-0.005, -0.01", "-0.0049, 0.00", "12.345, 12.35", "12.344, 12.34",
            "2.675, 2.68", "0.015, 0.02", "7, 7.00", "-12.355, -12.36"})
    void halfUpRoundsHalfACentAwayFromZero(String amount, String expected) {
        assertEquals(expected, text(Money.halfUp(new BigDecimal(amount))));
    }

    @ParameterizedTest(name = "down {0} = {1}")
    @CsvSource({"12.349, 12.34", "12.999, 12.99", "-12.349, -12.34", "0.009, 0.00", "5, 5.00", "-0.019, -0.01"})
    void downDropsFractionsOfACentTowardsZero(String amount, String expected) {
        assertEquals(expected, text(Money.down(new BigDecimal(amount))));
    }

    @ParameterizedTest(name = "{1} % of {0} = {2}")
    @CsvSource({"1000.00, 40, 400.00", "333.33, 50, 166.66", "0.03, 50, 0.01", "12500.55, 100, 12500.55",
            "12500.55, 0, 0.00", "99.99, 33, 32.99", "-10.01, 50, -5.00", "100.005, 100, 100.00"})
    void aPercentageIsCutToCents(String amount, int percent, String expected) {
        assertEquals(expected, text(Money.percentDown(new BigDecimal(amount), percent)));
    }

    @Test
    void nullStaysNullWhereAnAmountIsOptional() {
        assertNull(Money.exactOrNull(null));
        assertEquals("3.10", text(Money.exactOrNull(new BigDecimal("3.1"))));
        assertThrows(NullPointerException.class, () -> Money.exact(null));
        assertThrows(NullPointerException.class, () -> Money.halfUp(null));
        assertThrows(NullPointerException.class, () -> Money.down(null));
    }

    @Test
    void aggregatesOfTheDatabaseInAnyNumberType() {
        assertEquals("1234.50", text(Money.fromAggregate(new BigDecimal("1234.5"))));
        assertEquals("40.00", text(Money.fromAggregate(40L)));
        assertEquals("2.50", text(Money.fromAggregate(2.5d)));
        assertEquals("7.25", text(Money.fromAggregate("7.25")));
        assertNull(Money.fromAggregate(null));
        assertSame(Money.ZERO, Money.fromAggregateOrZero(null));
        assertEquals("9.90", text(Money.fromAggregateOrZero(new BigDecimal("9.9"))));
        assertThrows(ArithmeticException.class, () -> Money.fromAggregate(new BigDecimal("1.234")));
        assertThrows(NumberFormatException.class, () -> Money.fromAggregate("veel"));
    }

    @Test
    void arithmeticStaysInCents() {
        assertEquals("15.60", text(m("12.50").plus(m("3.1"))));
        assertEquals("-0.01", text(m("12.49").minus(m("12.50"))));
        assertEquals("-12.50", text(m("12.5").negate()));
        assertEquals("0.00", text(Money.ZERO.negate()));
        assertEquals(2, m("1").plus(m("2")).amount().scale());
    }

    @Test
    void comparisonsAndSigns() {
        Money five = m("5");
        Money six = m("6");
        assertSame(six, five.max(six));
        assertSame(six, six.max(five));
        assertSame(five, five.min(six));
        assertSame(five, six.min(five));
        // equal amounts: the receiver wins, as with BigDecimal.max and min
        Money fiveAgain = m("5.00");
        assertSame(five, five.max(fiveAgain));
        assertSame(five, five.min(fiveAgain));
        assertSame(Money.ZERO, m("-0.01").atLeastZero());
        assertEquals(five, five.atLeastZero());
        assertEquals("0.00", text(m("0").atLeastZero()));
        assertTrue(five.compareTo(six) < 0);
        assertTrue(six.compareTo(five) > 0);
        assertEquals(0, five.compareTo(m("5.00")));
        assertTrue(five.isPositive());
        assertFalse(five.isNegative());
        assertFalse(five.isZero());
        assertTrue(m("-0.01").isNegative());
        assertFalse(m("-0.01").isPositive());
        assertTrue(Money.ZERO.isZero());
        assertFalse(Money.ZERO.isPositive());
        assertFalse(Money.ZERO.isNegative());
        assertEquals(1, five.signum());
        assertEquals(-1, m("-3").signum());
        assertEquals(0, Money.ZERO.signum());
    }

    @Test
    void equalAmountsAreEqualWhateverTheyWereWrittenAs() {
        assertEquals(m("12.5"), m("12.50"));
        assertEquals(m("12.5").hashCode(), m("12.500").hashCode());
        assertEquals(new BigDecimal("12.50").hashCode(), m("12.5").hashCode());
        assertNotEquals(m("12.5"), m("12.51"));
        assertNotEquals(m("12.5"), new BigDecimal("12.50"));
        assertEquals("12.50", m("12.5").toString());
        assertEquals("1000000.00", m("1E+6").toString());
        assertEquals("0.00", Money.ZERO.toString());
    }
}
