package nl.preventiefonds.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FreeTextTest {

    @Test
    void everyEmbeddingOverrideAndIsolateControlIsRemoved() {
        for (char c = '\u202A'; c <= '\u202E'; c++) {
            assertEquals("Buurtkamer", FreeText.withoutBidiControls(c + "Buurt" + c + "kamer" + c), "U+" + (int) c);
        }
        for (char c = '\u2066'; c <= '\u2069'; c++) {
            assertEquals("Buurtkamer", FreeText.withoutBidiControls("Buurt" + c + "kamer"), "U+" + (int) c);
        }
        // "Trojan Source": shown as "Buurtkamer rood" but holding the reversed word.
        assertEquals("Buurtkamer door", FreeText.withoutBidiControls("Buurtkamer \u202Erood\u202C"
                .replace("rood", "door")));
    }

    @Test
    void theNeighboursOfTheRangesAndOrdinaryTextStay() {
        assertFalse(FreeText.isBidiControl('\u2029'));
        assertFalse(FreeText.isBidiControl('\u202F'));
        assertFalse(FreeText.isBidiControl('\u2065'));
        assertFalse(FreeText.isBidiControl('\u206A'));
        assertTrue(FreeText.isBidiControl('\u202A') && FreeText.isBidiControl('\u2069'));
        String marks = "Café \u200Eالعربية\u200F Noë";
        assertSame(marks, FreeText.withoutBidiControls(marks));
        assertNull(FreeText.withoutBidiControls(null));
    }

    @Test
    void cleanStripsAndGivesNullForNothing() {
        assertEquals("Titel", FreeText.clean("  \u202ETitel\u202C "));
        assertNull(FreeText.clean("\u2066 \u2069"));
        assertNull(FreeText.clean(null));
    }
}
