package nl.preventiefonds.platform.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class WholeNumbersTest {
    @Test
    void asciiDigitsUpToTheGivenLength() {
        assertEquals(42L, WholeNumbers.parse("42", 9));
        assertEquals(7L, WholeNumbers.parse("007", 3));
        assertEquals(999_999_999_999_999_999L, WholeNumbers.parse("999999999999999999", 18));
    }

    @Test
    void anythingElseIsNoNumber() {
        for (String value : new String[] {null, "", " 1", "1 ", "-1", "+1", "1e3", "1.0", "１２", "٣", "0x1F"}) {
            assertNull(WholeNumbers.parse(value, 9), "value: " + value);
        }
        assertNull(WholeNumbers.parse("1234", 3), "longer than asked");
        assertNull(WholeNumbers.parse("9999999999999999999", 30), "19 digits could overflow a long: never");
    }
}
