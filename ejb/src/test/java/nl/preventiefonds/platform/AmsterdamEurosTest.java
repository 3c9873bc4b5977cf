package nl.preventiefonds.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class AmsterdamEurosTest {
    @Test
    void euroAmountsReadAsInTheirLanguage() {
        assertEquals("€ 1.234,50", Amsterdam.euros(new BigDecimal("1234.50"), Amsterdam.DUTCH));
        assertEquals("€ 1.234,50", Amsterdam.euros(new BigDecimal("1234.50"), Locale.forLanguageTag("nl")));
        // Without a country the Netherlands' conventions apply, also in English (en-NL).
        assertEquals(fresh(new BigDecimal("1234.50"), Locale.forLanguageTag("en-NL")),
                Amsterdam.euros(new BigDecimal("1234.50"), Locale.ENGLISH));
        assertEquals(fresh(new BigDecimal("-7.05"), Locale.UK), Amsterdam.euros(new BigDecimal("-7.05"), Locale.UK));
        assertEquals("-", Amsterdam.euros(null, Amsterdam.DUTCH));
    }

    /** What a format built for this one amount gives. */
    private static String fresh(BigDecimal amount, Locale locale) {
        java.text.NumberFormat format = java.text.NumberFormat.getCurrencyInstance(locale);
        format.setCurrency(java.util.Currency.getInstance("EUR"));
        return format.format(amount).replace('\u00a0', ' ').replace('\u202f', ' ');
    }

    @Test
    void manyThreadsFormatWithoutSpoilingEachOthersAmounts() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> results = new ArrayList<>();
            for (int i = 0; i < 2_000; i++) {
                BigDecimal amount = BigDecimal.valueOf(i).add(new BigDecimal("0.25"));
                results.add(pool.submit(() -> Amsterdam.euros(amount, Amsterdam.DUTCH)));
            }
            for (int i = 0; i < results.size(); i++) {
                String expected = "€ " + (i >= 1000 ? i / 1000 + "." + String.format("%03d", i % 1000) : i) + ",25";
                assertEquals(expected, results.get(i).get());
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
