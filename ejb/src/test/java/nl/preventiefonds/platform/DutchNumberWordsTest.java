package nl.preventiefonds.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DutchNumberWordsTest {

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', textBlock = """
            0         | nul
            1         | een
            2         | twee
            10        | tien
            11        | elf
            12        | twaalf
            13        | dertien
            14        | veertien
            17        | zeventien
            18        | achttien
            19        | negentien
            20        | twintig
            21        | eenentwintig
            22        | tweeëntwintig
            23        | drieëntwintig
            24        | vierentwintig
            28        | achtentwintig
            33        | drieëndertig
            42        | tweeënveertig
            80        | tachtig
            99        | negenennegentig
            100       | honderd
            101       | honderdeen
            110       | honderdtien
            122       | honderdtweeëntwintig
            200       | tweehonderd
            999       | negenhonderdnegenennegentig
            1000      | duizend
            1001      | duizend een
            1050      | duizend vijftig
            1099      | duizend negenennegentig
            1100      | elfhonderd
            1250      | twaalfhonderdvijftig
            1999      | negentienhonderdnegenennegentig
            2000      | tweeduizend
            2500      | tweeduizend vijfhonderd
            12500     | twaalfduizend vijfhonderd
            20000     | twintigduizend
            22000     | tweeëntwintigduizend
            21100     | eenentwintigduizend honderd
            100000    | honderdduizend
            101000    | honderdeenduizend
            300000    | driehonderdduizend
            999999    | negenhonderdnegenennegentigduizend negenhonderdnegenennegentig
            1000000   | een miljoen
            1001100   | een miljoen elfhonderd
            1200000   | een miljoen tweehonderdduizend
            2500000   | twee miljoen vijfhonderdduizend
            2000001   | twee miljoen een
            100000000 | honderd miljoen
            999999999 | negenhonderdnegenennegentig miljoen negenhonderdnegenennegentigduizend negenhonderdnegenennegentig
            """)
    void integers(long number, String words) {
        assertEquals(words, DutchNumberWords.integer(number));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', textBlock = """
            12500.00  | twaalfduizend vijfhonderd euro
            12500.50  | twaalfduizend vijfhonderd euro en vijftig cent
            12500     | twaalfduizend vijfhonderd euro
            1.00      | een euro
            0.01      | nul euro en een cent
            0.00      | nul euro
            0.5       | nul euro en vijftig cent
            21.22     | eenentwintig euro en tweeëntwintig cent
            22        | tweeëntwintig euro
            80.99     | tachtig euro en negenennegentig cent
            1000000   | een miljoen euro
            4999.99   | vierduizend negenhonderdnegenennegentig euro en negenennegentig cent
            12.500    | twaalf euro en vijftig cent
            999999999.99 | negenhonderdnegenennegentig miljoen negenhonderdnegenennegentigduizend negenhonderdnegenennegentig euro en negenennegentig cent
            """)
    void euros(String amount, String words) {
        assertEquals(words, DutchNumberWords.euros(new BigDecimal(amount)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"-0.01", "-1", "0.001", "12.345", "1000000000", "1000000000.00", "999999999.999"})
    void amountsOutsideTheRangeOrWithFractionsOfCentsAreRefused(String amount) {
        assertThrows(IllegalArgumentException.class, () -> DutchNumberWords.euros(new BigDecimal(amount)));
    }

    @Test
    void aMissingAmountIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> DutchNumberWords.euros(null));
    }

    @ParameterizedTest
    @ValueSource(longs = {-1, 1_000_000_000L, Long.MAX_VALUE, Long.MIN_VALUE})
    void integersOutsideTheRangeAreRefused(long number) {
        assertThrows(IllegalArgumentException.class, () -> DutchNumberWords.integer(number));
    }

    @Test
    void everyNumberBelowTwentyThousandIsDistinctAndFollowsTheSpellingRules() {
        Set<String> seen = new HashSet<>();
        for (long n = 0; n < 20_000; n++) {
            String words = DutchNumberWords.integer(n);
            assertTrue(seen.add(words), "duplicate words for " + n + ": " + words);
            assertFalse(words.startsWith("eenhonderd") || words.startsWith("eenduizend"), n + ": " + words);
            // a bare "duizend honderd" reads as two numbers: elfhonderd instead
            assertFalse(words.startsWith("duizend honderd"), n + ": " + words);
            assertFalse(words.matches(".*(twee|drie)en(twintig|dertig|veertig|vijftig|zestig|zeventig|tachtig|negentig).*"),
                    n + ": " + words);
            assertFalse(words.contains("  ") || words.startsWith(" ") || words.endsWith(" "), n + ": " + words);
            assertFalse(n > 0 && words.contains("nul"), n + ": " + words);
        }
    }

    @Test
    void aSpaceFollowsDuizendAndSurroundsMiljoenOnly() {
        assertEquals("zevenenveertigduizend driehonderdeenentachtig", DutchNumberWords.integer(47_381));
        assertEquals("drie miljoen vierhonderdzesenvijftigduizend zevenhonderdnegenentachtig",
                DutchNumberWords.integer(3_456_789));
        assertEquals("twaalf miljoen", DutchNumberWords.integer(12_000_000));
    }
}
