package nl.preventiefonds.impact.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import nl.preventiefonds.impact.ImpactReport;
import org.junit.jupiter.api.Test;

/**
 * The council report (PDF, Dutch) and the dashboard say the same of every caveat, theme and care domain, and English
 * has each caveat.
 */
class CaveatTextsTest {
    private static Properties bundle(String suffix) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = CaveatTextsTest.class.getResourceAsStream("/nl/preventiefonds/web/messages" + suffix
                + ".properties")) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }

    @Test
    void theReportsCaveatsAreTheDashboardsWords() throws IOException {
        Properties dutch = bundle("");
        Properties english = bundle("_en");
        assertTrue(ImpactReport.CAVEATS.size() >= 9, "caveats: " + ImpactReport.CAVEATS.keySet());
        ImpactReport.CAVEATS.forEach((key, text) -> {
            assertEquals(text, dutch.getProperty("impact.caveat." + key), "Dutch dashboard text of " + key);
            assertTrue(english.containsKey("impact.caveat." + key), "English lacks impact.caveat." + key);
        });
    }

    @Test
    void theReportNamesThemesAndCareDomainsAsTheDashboardDoes() throws IOException {
        Properties dutch = bundle("");
        ImpactReport.THEMES.forEach((theme, text) ->
                assertEquals(text, dutch.getProperty("theme." + theme.name()), "Dutch name of " + theme));
        ImpactReport.CARE_DOMAINS.forEach((domain, text) ->
                assertEquals(text, dutch.getProperty("careDomain." + domain.name()), "Dutch name of " + domain));
    }
}
