package nl.preventiefonds.platform.web;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.ResourceBundle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import nl.preventiefonds.call.ReportKind;
import nl.preventiefonds.call.Theme;
import nl.preventiefonds.platform.Problem;

/** Problem arguments are formatted for people, and every problem of funds and calls has a text. */
class ProblemMessagesTest {
    private static final Locale DUTCH = Locale.forLanguageTag("nl");

    /** Every key the fund and call services can report, with the number of arguments it gets. */
    private static final List<Problem> PROBLEMS = List.of(
            Problem.of("call.titleRequired"), Problem.of("call.datesRequired"), Problem.of("call.closesBeforeOpens"),
            Problem.of("call.amountsRequired"), Problem.of("call.amountsPositive"), Problem.of("call.minAboveMax"),
            Problem.of("money.cents"), Problem.of("call.termWeeksRange"), Problem.of("call.budgetYearRequired"),
            Problem.of("call.themeRequired"), Problem.of("call.criteriaRequired"),
            Problem.of("call.criterionNameRequired", 2), Problem.of("call.criterionWeightRange", 3),
            Problem.of("call.weightsSum", 95), Problem.of("call.tiersRequired"),
            Problem.of("call.tierReportRequired", 1), Problem.of("call.tierLastOpen"),
            Problem.of("call.tierAmountRequired", 2), Problem.of("call.tiersAscending", 3),
            Problem.of("call.fundRequired"), Problem.of("call.budgetYearUnknown", "1999"),
            Problem.of("call.neighbourhoodUnknown"), Problem.of("call.notFound"), Problem.of("fund.nameRequired"),
            Problem.of("fund.totalRequired"), Problem.of("fund.yearInvalid"), Problem.of("fund.yearTwice", "2027"),
            Problem.of("fund.yearBudgetRequired", "2027"),
            Problem.of("fund.yearsAboveTotal", new BigDecimal("1500000.00"), new BigDecimal("1000000.00")),
            Problem.of("fund.noMunicipality"), Problem.of("account.notYourself"), Problem.of("account.lastFundManager"),
            Problem.of("municipality.invalid"), Problem.of("municipality.codeInvalid"), Problem.of("municipality.codeTaken"),
            Problem.of("municipality.nameTaken"), Problem.of("municipality.nameRequired"), Problem.of("municipality.notFound"),
            Problem.of("role.notGiven"), Problem.of("membership.exists"), Problem.of("membership.onlyOne"),
            Problem.of("account.worksElsewhere"), Problem.of("invitation.invalid"), Problem.of("staff.noMunicipality"), Problem.of("fund.notFound"),
            Problem.of("call.budgetNegative"),
            Problem.of("call.budgetAboveYear", new BigDecimal("600000.00"), "2027", new BigDecimal("500000.00")),
            Problem.of("call.budgetBelowCommitted", new BigDecimal("999.99"), new BigDecimal("1000.00")),
            Problem.of("call.budgetYearAfterAwards", "2027", new BigDecimal("1000.00")),
            Problem.of("call.budgetBodyRequired"),
            Problem.of("decision.callBudgetInsufficient", new BigDecimal("5000.00"), new BigDecimal("4999.99"),
                    "Ronde 2027"),
            // Neighbourhoods set up by the municipality (issue 18): by hand and from the CBS file
            Problem.of("neighbourhood.codeRequired"), Problem.of("neighbourhood.codeInvalid", "WK12"),
            Problem.of("neighbourhood.codeOtherMunicipality", "WK173001", "Assen", "GM0106"),
            Problem.of("neighbourhood.codeTaken", "WK010601"), Problem.of("neighbourhood.nameRequired"),
            Problem.of("neighbourhood.nameTooLong", 120), Problem.of("neighbourhood.populationRange", 10000000),
            Problem.of("neighbourhood.notFound"), Problem.of("neighbourhood.inUse", "WK010601", 2L, 1L, 33L),
            Problem.of("neighbourhoods.empty"), Problem.of("neighbourhoods.otherMunicipality", "WK173001", "Assen"),
            Problem.of("neighbourhoods.duplicate", "WK010601", 4), Problem.of("neighbourhoods.codeRequired"),
            Problem.of("neighbourhoods.codeInvalid", "XX01"),
            Problem.of("neighbourhoods.populationInvalid", "WK010601", "vijf"),
            Problem.of("neighbourhoods.nameTooLong", "WK010601", 120),
            Problem.of("neighbourhoods.nameMissing", "WK010699"), Problem.of("neighbourhoods.nothingToImport", "Assen"),
            Problem.of("municipality.addressIncomplete"), Problem.of("municipality.postalCodeInvalid"),
            Problem.of("municipality.textTooLong", 200), Problem.of("municipality.phoneInvalid"),
            Problem.of("municipality.emailInvalid"), Problem.of("municipality.websiteInvalid"),
            Problem.of("municipality.ibanInvalid"), Problem.of("municipality.funderIdInvalid"),
            Problem.of("municipality.givingPrefixInvalid"),
            Problem.of("municipality.logoTooLarge", 1024), Problem.of("municipality.logoNotImage"),
            Problem.of("municipality.changedElsewhere"), Problem.of("municipality.bodyRequired"),
            // Partner organisations per municipality (issue 18)
            Problem.of("partner.nameRequired"), Problem.of("partner.nameTooLong", 200),
            Problem.of("partner.nameTaken", "Welzijn"), Problem.of("partner.kvkInvalid", "1234567"),
            Problem.of("partner.kindRequired"), Problem.of("partner.contactNameTooLong", 120),
            Problem.of("partner.contactEmailInvalid", "geen adres"), Problem.of("partner.contactPhoneInvalid", "bel"),
            Problem.of("partner.notFound"), Problem.of("partner.required"),
            // Care indicators per municipality (issue 18)
            Problem.of("indicatorDefinition.bodyRequired"), Problem.of("indicatorDefinition.codeRequired"),
            Problem.of("indicatorDefinition.codeInvalid", 40), Problem.of("indicatorDefinition.codeTaken", "WMO_CLIENTS"),
            Problem.of("indicatorDefinition.codeHasValues", "BIJSTAND", 12L),
            Problem.of("indicatorDefinition.nameRequired"), Problem.of("indicatorDefinition.nameTooLong", 200),
            Problem.of("indicatorDefinition.sourceColumnRequired"),
            Problem.of("indicatorDefinition.sourceColumnTooLong", 200),
            Problem.of("indicatorDefinition.sourceColumnReserved", "Perioden"),
            Problem.of("indicatorDefinition.sourceColumnTaken", "SHELTERED_HOUSING_CLIENTS"),
            Problem.of("indicatorDefinition.unitUnknown", "PER_MILLE"),
            Problem.of("indicatorDefinition.careDomainUnknown", "HEALTH"),
            Problem.of("indicatorDefinition.costInvalid", new BigDecimal("1000000.00")),
            Problem.of("indicatorDefinition.notFound"), Problem.of("indicatorDefinition.lastActive", "WMO_CLIENTS"),
            // The open register per municipality (issue 18)
            Problem.of("open.municipalityInvalid"), Problem.of("open.municipalityUnknown", "GM9999"),
            Problem.of("open.themeUnknown"), Problem.of("open.yearInvalid"));

    private static ResourceBundle bundle(Locale locale) {
        return ResourceBundle.getBundle("nl.preventiefonds.web.messages", locale);
    }

    /** The texts of one language file itself, so a missing English text cannot hide behind the Dutch one. */
    private static Properties own(String language) {
        String name = "/nl/preventiefonds/web/messages" + (language.equals("nl") ? "" : "_" + language) + ".properties";
        Properties properties = new Properties();
        try (InputStream in = ProblemMessagesTest.class.getResourceAsStream(name)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }

    @Test
    void amountsAreDutchEurosAndWholeNumbersArePlain() {
        Object[] arguments = ProblemMessages.arguments(Problem.of("fund.yearsAboveTotal",
                new BigDecimal("1234.5"), 1000, "2027"), bundle(DUTCH), DUTCH);
        assertArrayEquals(new Object[] {"€ 1.234,50", "1000", "2027"}, arguments);
    }

    @ParameterizedTest
    @ValueSource(strings = {"nl", "en"})
    void everyProblemHasATextWithItsArgumentsFilledIn(String language) {
        Properties bundle = own(language);
        Locale locale = Locale.forLanguageTag(language);
        for (Problem problem : PROBLEMS) {
            Object[] arguments = ProblemMessages.arguments(problem, bundle(locale), locale);
            assertTrue(bundle.containsKey(problem.key()), language + " lacks " + problem.key());
            String pattern = bundle.getProperty(problem.key());
            assertFalse(pattern.contains("'"), "a single quote disappears in MessageFormat: " + problem.key());
            String text = new MessageFormat(pattern, locale).format(arguments);
            assertFalse(text.contains("{"), language + " " + problem.key() + ": " + text);
            for (Object argument : arguments) {
                assertTrue(text.contains(argument.toString()), language + " " + problem.key() + " shows " + argument);
            }
        }
    }

    /** A text with placeholders goes through MessageFormat, where a lone ' swallows the rest, placeholders and all. */
    @ParameterizedTest
    @ValueSource(strings = {"nl", "en"})
    void everyTextWithPlaceholdersDoublesItsApostrophes(String language) {
        Properties bundle = own(language);
        List<String> broken = new ArrayList<>();
        for (String key : bundle.stringPropertyNames()) {
            String pattern = bundle.getProperty(key);
            if (pattern.matches("(?s).*\\{\\d.*") && pattern.replace("''", "").contains("'")) {
                broken.add(key);
            }
        }
        assertTrue(broken.isEmpty(), language + ": " + broken);
    }

    @ParameterizedTest
    @ValueSource(strings = {"nl", "en"})
    void everyThemeAndReportKindHasALabel(String language) {
        Properties bundle = own(language);
        List<String> keys = new ArrayList<>();
        for (Theme theme : Theme.values()) {
            keys.add("theme." + theme.name());
        }
        for (ReportKind kind : ReportKind.values()) {
            keys.add("report." + kind.name());
        }
        keys.forEach(key -> assertTrue(bundle.containsKey(key), language + " lacks " + key));
    }
}
