package nl.preventiefonds.impact.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import nl.preventiefonds.impact.CareIndicator;
import nl.preventiefonds.platform.Problem;
import nl.preventiefonds.platform.web.ProblemMessages;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every problem of the care-demand import and every indicator and unit has a text in both languages. */
class IndicatorTextsTest {
    private static final List<Problem> PROBLEMS = List.of(Problem.of("indicators.empty"),
            Problem.of("indicators.unknownColumns", "Aantal inwoners"), Problem.of("indicators.noIndicatorColumns"),
            Problem.of("indicators.codeRequired"), Problem.of("indicators.codeInvalid", "XX1"),
            Problem.of("indicators.periodRequired"), Problem.of("indicators.periodInvalid", "20x0"),
            Problem.of("indicators.indicatorRequired"), Problem.of("indicators.indicatorUnknown", "Geluk"),
            Problem.of("indicators.numberInvalid", "Wmo", "1,23456"), Problem.of("indicators.negative", "Wmo", "-1"),
            Problem.of("indicators.percentAbove100", "Jeugdzorg", "101"),
            Problem.of("indicators.duplicate", "WK010601", "2024", "Wmo", 1200),
            Problem.of("indicators.neighbourhoodUnknown", "WK010699", "Assen"),
            Problem.of("indicators.otherMunicipality", "WK036301", "Assen"), Problem.of("indicators.paramInvalid"));

    private static Properties own(String language) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = IndicatorTextsTest.class.getResourceAsStream("/nl/preventiefonds/web/messages"
                + (language.equals("nl") ? "" : "_" + language) + ".properties")) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }

    @ParameterizedTest
    @ValueSource(strings = {"nl", "en"})
    void everyProblemIndicatorAndUnitHasAText(String language) throws IOException {
        Properties texts = own(language);
        List<String> keys = new ArrayList<>(PROBLEMS.stream().map(Problem::key).toList());
        for (CareIndicator indicator : CareIndicator.values()) {
            keys.add("careIndicator." + indicator.name());
        }
        for (CareIndicator.Unit unit : CareIndicator.Unit.values()) {
            keys.add("careUnit." + unit.name());
        }
        keys.add("menu.indicators");
        // The section of the municipality's own indicators on the same page.
        for (String text : List.of("heading", "intro", "new", "editTitle", "costPerCase", "costPerCaseHint",
                "costFromDomain", "status", "active", "inactive", "actions", "deactivate", "activate", "codeHint",
                "sourceColumnHint", "created", "saved", "deactivated", "activated")) {
            keys.add("indicatorDefinitions." + text);
        }
        for (String key : keys) {
            assertTrue(texts.containsKey(key), language + " lacks " + key);
        }
        Locale locale = Locale.forLanguageTag(language);
        for (Problem problem : PROBLEMS) {
            String text = ProblemMessages.text(problem, locale);
            assertFalse(text.contains("{") || text.equals(problem.key()), text);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"nl", "en"})
    void aDuplicateNamesTheFirstLineAsAPlainNumber(String language) {
        String text = ProblemMessages.text(Problem.of("indicators.duplicate", "WK010601", "2024", "Wmo", 1200),
                Locale.forLanguageTag(language));
        assertTrue(text.contains(" 1200"), text);
        assertEquals(-1, text.indexOf("1.200"), text);
    }
}
