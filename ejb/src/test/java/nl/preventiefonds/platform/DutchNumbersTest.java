package nl.preventiefonds.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class DutchNumbersTest {

    @ParameterizedTest(name = "\"{0}\" = {1}")
    @CsvSource(delimiter = '|', textBlock = """
            0           | 0
            12          | 12
            12,5        | 12.5
            12.5        | 12.5
            12,50       | 12.50
            1.234,56    | 1234.56
            1.234       | 1234
            12.000.000  | 12000000
            1.250,5     | 1250.5
            -12,5       | -12.5
            -1.234,56   | -1234.56
            0,05        | 0.05
            007         | 7
            1.2         | 1.2
            """)
    void dutchDecimals(String text, String expected) {
        BigDecimal parsed = DutchNumbers.decimal(text, 2);
        assertEquals(new BigDecimal(expected), parsed);
        assertEquals(new BigDecimal(expected).scale(), parsed.scale(), "decimals as written");
    }

    @ParameterizedTest(name = "\"{0}\" = {1}")
    @CsvSource(delimiter = '|', textBlock = """
            1,234.56   | 1234.56
            1,234      | 1234
            12,5       | 12.5
            12.5       | 12.5
            -1,000.5   | -1000.5
            """)
    void commaGroupedDecimals(String text, String expected) {
        assertEquals(new BigDecimal(expected), DutchNumbers.decimal(text, ',', 2));
    }

    @ParameterizedTest(name = "\"{0}\" is no number")
    @NullAndEmptySource
    @ValueSource(strings = {" ", "abc", "12a", "1,2,3", "1.23.4", "0.200,5", "1.23,4", "12,", ",5", "-", "--5",
            "+5", "1e3", "1 234", " 12", "12 ", "1.234.56,7", "١٢", "1,234.5"})
    void garbage(String text) {
        assertNull(DutchNumbers.decimal(text, 2));
    }

    @Test
    void tooManyDecimalsIsNoNumber() {
        assertNull(DutchNumbers.decimal("1,234", 2));
        assertNull(DutchNumbers.decimal("12,345", 2));
        assertNull(DutchNumbers.decimal("1.234,567", 2));
        assertEquals(new BigDecimal("12.345"), DutchNumbers.decimal("12,345", 3));
        assertEquals(new BigDecimal("1.2345"), DutchNumbers.decimal("1,2345", '.', 4));
        assertNull(DutchNumbers.decimal("1,23456", '.', 4));
        assertEquals(new BigDecimal("12"), DutchNumbers.decimal("12", 0));
        assertNull(DutchNumbers.decimal("12,5", 0));
    }

    @Test
    void groupingIsPointOrComma() {
        assertThrows(IllegalArgumentException.class, () -> DutchNumbers.decimal("12", ' ', 2));
        assertThrows(IllegalArgumentException.class, () -> DutchNumbers.whole("12", ';'));
    }

    @ParameterizedTest(name = "\"{0}\" = {2}")
    @CsvSource(delimiter = '|', textBlock = """
            0          | .  | 0
            42         | .  | 42
            1.200      | .  | 1200
            12.000.000 | .  | 12000000
            -3         | .  | -3
            -0         | .  | 0
            1,200      | ,  | 1200
            -1,200     | ,  | -1200
            0012       | ,  | 12
            """)
    void wholeNumbers(String text, char grouping, String expected) {
        assertEquals(new BigInteger(expected), DutchNumbers.whole(text, grouping));
    }

    @ParameterizedTest(name = "\"{0}\" is no whole number")
    @NullAndEmptySource
    @ValueSource(strings = {"1,5", "1.2", "0.200", "1,200", "12a", "-", "+1", "1 200", "1.20.000"})
    void notWhole(String text) {
        assertNull(DutchNumbers.whole(text, '.'));
    }

    @Test
    void commaGroupedWholeNumbersRefusePointGroups() {
        assertNull(DutchNumbers.whole("1.200", ','));
    }
}
