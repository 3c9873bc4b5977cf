package nl.preventiefonds.impact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import nl.preventiefonds.application.CareDomain;
import nl.preventiefonds.impact.ImpactDashboardService.IndicatorImpact;
import nl.preventiefonds.impact.ImpactDashboardService.NeighbourhoodFigures;
import nl.preventiefonds.impact.ImpactDashboardService.Portfolio;
import nl.preventiefonds.impact.ImpactDashboardService.Scenario;
import nl.preventiefonds.impact.ImpactDashboardService.NeighbourhoodTrend;
import nl.preventiefonds.impact.ImpactDashboardService.YearMeans;
import nl.preventiefonds.impact.ImpactDashboardService.YearValue;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

class ImpactReportTest {
    private static final LocalDate DATE = LocalDate.of(2026, 11, 23);
    private static final List<YearMeans> TREND = List.of(new YearMeans(2024, 52.0, 50.0),
            new YearMeans(2025, 53.1, 50.4), new YearMeans(2026, 47.8, null));

    private static final NeighbourhoodTrend PITTELO = new NeighbourhoodTrend(1, "BU01", "Pittelo", 2025,
            List.of(new YearValue(2024, 52.0, 50.0), new YearValue(2025, 49.0, 50.4)), true, 52.0, 49.0, -3.4, -5.1,
            -1.2, List.of(DifferenceInDifferences.FEW_UNITS));

    private static IndicatorImpact wmo(boolean estimable) {
        return estimable
                ? new IndicatorImpact(CareIndicator.WMO_CLIENTS_PER_1000, CareDomain.WMO, true, -4.25, 1.2, -6.5,
                        -1.75, 2, 9, 66, List.of(DifferenceInDifferences.FEW_UNITS,
                        DifferenceInDifferences.MISSING_VALUES), 52.5, 47.8, 50.2, 50.7, TREND, List.of(PITTELO))
                : new IndicatorImpact(CareIndicator.WMO_CLIENTS_PER_1000, CareDomain.WMO, false, null, null, null,
                        null, 2, 9, 40, List.of(DifferenceInDifferences.NOT_ESTIMABLE), 52.5, null, 50.2, null,
                        TREND, List.of());
    }

    private static ImpactReportData data(boolean estimable) {
        Portfolio portfolio = new Portfolio(3, new BigDecimal("12345.67"), new BigDecimal("8000.00"), 1250,
                new BigDecimal("101.25"));
        List<NeighbourhoodFigures> neighbourhoods = List.of(
                new NeighbourhoodFigures(1, "BU01", "Pittelo", 2, new BigDecimal("9000.00"), 800, null),
                new NeighbourhoodFigures(2, "BU02", "Lariks", 1, new BigDecimal("3345.67"), 450, null));
        Scenario scenario = estimable
                ? new Scenario(CareIndicator.WMO_CLIENTS_PER_1000, CareDomain.WMO, "ESTIMATE",
                        new BigDecimal("96600.00"), new BigDecimal("234600.00"), new BigDecimal("358800.00"), 12000,
                        List.of())
                : new Scenario(CareIndicator.WMO_CLIENTS_PER_1000, CareDomain.WMO, "ESTIMATE", null, null, null,
                        12000, List.of(DifferenceInDifferences.NOT_ESTIMABLE));
        Scenario debt = new Scenario(CareIndicator.DEBT_HELP_HOUSEHOLDS_PER_1000, CareDomain.DEBT_RELIEF, "ESTIMATE",
                new BigDecimal("2000.00"), new BigDecimal("2000.00"), new BigDecimal("2000.00"), 0,
                List.of(AvoidedCostScenario.REFERENCE_RATIO_NOT_MEASURED));
        return new ImpactReportData("Assen", "Preventiefonds Assen", 2026, DATE, portfolio,
                new BigDecimal("7000.00"), new BigDecimal("500.00"), neighbourhoods, List.of(wmo(estimable)),
                List.of(scenario), debt, AvoidedCostScenario.CostParameters.defaults(), 6000, 1200, List.of());
    }

    @Test
    void theCouncilReportIsArchivableAndAccessibleWithAndWithoutEstimates() {
        nl.preventiefonds.platform.PdfConformance.assertArchivableAndAccessible("impact report",
                ImpactReport.render(data(true)));
        nl.preventiefonds.platform.PdfConformance.assertArchivableAndAccessible("impact report without estimates",
                ImpactReport.render(data(false)));
    }

    private static String flat(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        }
    }

    @Test
    void aFilteredReportNamesItsSelectionAndStaysArchivable() throws IOException {
        byte[] pdf = ImpactReport.render(data(true).withSelection(List.of("Wijk: Pittelo",
                "Thema: " + ImpactReport.THEMES.get(nl.preventiefonds.call.Theme.LONELINESS))));
        String text = flat(pdf);
        assertTrue(text.contains("Selectie Wijk: Pittelo; Thema: Minder eenzaamheid"), text);
        assertTrue(text.contains("alleen over de initiatieven in de selectie hierboven"), text);
        assertFalse(flat(ImpactReport.render(data(true))).contains("Selectie"), "the whole year names no selection");
        nl.preventiefonds.platform.PdfConformance.assertArchivableAndAccessible("filtered impact report", pdf);
    }

    @Test
    void everyThemeAndCareDomainHasItsDutchName() {
        assertEquals(java.util.EnumSet.allOf(nl.preventiefonds.call.Theme.class), ImpactReport.THEMES.keySet());
        assertEquals(java.util.EnumSet.allOf(CareDomain.class), ImpactReport.CARE_DOMAINS.keySet());
    }

    @Test
    void filenameCarriesTheYear() {
        assertEquals("impactrapportage-2026.pdf", ImpactReport.filename(2026));
    }

    @Test
    void theTitleBlockNamesYearMunicipalityFundAndDutchDate() throws IOException {
        String text = flat(ImpactReport.render(data(true)));
        assertTrue(text.startsWith("Impactrapportage 2026 Gemeente Assen - Preventiefonds Assen"), text);
        assertTrue(text.contains("Datum 23 november 2026"), text);
        assertTrue(text.contains("Jaar 2026 (initiatieven die in 2026 zijn gestart)"), text);
        try (PDDocument document = Loader.loadPDF(ImpactReport.render(data(true)))) {
            assertEquals("Impactrapportage 2026", document.getDocumentInformation().getTitle());
        }
    }

    @Test
    void summaryAndNeighbourhoodAmountsAreInDutchNotation() throws IOException {
        String text = flat(ImpactReport.render(data(true)));
        assertTrue(text.contains("Toegekend bedrag € 12.345,67"), text);
        assertTrue(text.contains("Uitbetaald € 8.000,00"), text);
        assertTrue(text.contains("Vastgesteld € 7.000,00"), text);
        assertTrue(text.contains("Teruggevorderd € 500,00"), text);
        assertTrue(text.contains("Bereikte deelnemers 1.250"), text);
        assertTrue(text.contains("Deelnemers per € 1.000 101,25"), text);
        assertTrue(text.contains("Pittelo 2 € 9.000,00 800"), text);
        assertTrue(text.contains("Lariks 1 € 3.345,67 450"), text);
    }

    @Test
    void theEstimateShowsItsIntervalUnitsAndCaveatsInPlainDutch() throws IOException {
        String text = flat(ImpactReport.render(data(true)));
        assertTrue(text.contains("Schatting, geen bewijs. We vergelijken 2 wijken met een initiatief met 9 andere"
                + " wijken."), text);
        assertTrue(text.contains("-4,25 per 1.000 inwoners (95%-betrouwbaarheidsinterval van -6,50 tot -1,75)"),
                text);
        assertTrue(text.contains("Er zijn weinig wijken om te vergelijken; de uitkomst is erg onzeker."), text);
        assertTrue(text.contains("afschermt als de aantallen klein zijn"), text);
        assertTrue(text.contains("2025 53,10 50,40"), "the yearly table: " + text);
        assertTrue(text.contains("2026 47,80 -"), "a year without control values shows a dash: " + text);
        assertTrue(text.contains("Met initiatief, vóór 52,50"), "the bars carry their values: " + text);
        assertTrue(text.contains("Pittelo 2025 52,00 49,00 -3,40 -5,10 tot -1,20"),
                "each funded neighbourhood with its own estimate: " + text);
    }

    @Test
    void theScenarioIsAlwaysHeadedAsAnEstimateWithItsParametersAndAssumption() throws IOException {
        for (boolean estimable : new boolean[] {true, false}) {
            String text = flat(ImpactReport.render(data(estimable)));
            assertTrue(text.contains("Vermeden kosten: Schatting (scenario), geen geboekte besparing"), text);
            assertTrue(text.contains("Gebruikte kosten per jaar (scenarioparameters): Wmo € 4.600,00 per cliënt;"
                    + " jeugdzorg € 12.000,00 per jongere; schuldhulp € 2,00 opbrengst per € 1."), text);
            assertTrue(text.contains("6.000 inwoners en 1.200 jongeren per wijk"), text);
            assertTrue(text.contains("niet gemeten in deze gemeente"), text);
        }
        String text = flat(ImpactReport.render(data(true)));
        assertTrue(text.contains("Wmo-cliënten per 1.000 inwoners € 96.600,00 € 234.600,00 € 358.800,00"), text);
    }

    @Test
    void withoutAnEstimableIndicatorTheReportSaysSoInsteadOfPrintingNaN() throws IOException {
        String text = flat(ImpactReport.render(data(false)));
        assertTrue(text.contains("Voor geen enkel zorgvraagcijfer is een schatting mogelijk"), text);
        assertTrue(text.contains("Voor dit cijfer is geen schatting mogelijk (2 wijken met een initiatief, 9 andere"
                + " wijken)."), text);
        assertTrue(text.contains("Met deze gegevens is geen schatting te maken."), text);
        assertTrue(text.contains("geen schatting"), text);
        assertFalse(text.contains("NaN"), text);
        assertFalse(text.contains("null"), text);
        assertFalse(text.contains("betrouwbaarheidsinterval van"), text);
        assertFalse(flat(ImpactReport.render(data(true))).contains("Voor geen enkel zorgvraagcijfer"));
    }

    @Test
    void theMethodExplainsDifferenceInDifferencesWhyItIsNoProofAndSuppressedValues() throws IOException {
        String text = flat(ImpactReport.render(data(true)));
        assertTrue(text.contains("Methode Verschil in verschillen."), text);
        assertTrue(text.contains("Waarom dit geen bewijs is."), text);
        assertTrue(text.contains("Afgeschermde cijfers. Het CBS publiceert een cijfer niet"), text);
    }

    @Test
    void everyPageIsNumberedAndTheFontsAreEmbeddedWithEuroAndDiaeresis() throws IOException {
        byte[] pdf = ImpactReport.render(data(true));
        String text = flat(pdf);
        try (PDDocument document = Loader.loadPDF(pdf)) {
            int pages = document.getNumberOfPages();
            assertTrue(pages >= 2, "pages: " + pages);
            for (int i = 1; i <= pages; i++) {
                assertTrue(text.contains("Pagina " + i + " van " + pages), text);
            }
            List<String> fonts = new ArrayList<>();
            for (PDPage page : document.getPages()) {
                PDResources resources = page.getResources();
                for (COSName name : resources.getFontNames()) {
                    PDFont font = resources.getFont(name);
                    assertTrue(font.isEmbedded(), font.getName() + " is embedded");
                    fonts.add(font.getName());
                }
            }
            assertTrue(fonts.stream().anyMatch(f -> f.contains("LiberationSans")), fonts.toString());
        }
        assertTrue(text.contains("€"), text);
        assertTrue(text.contains("cliënt"), text);
        assertFalse(text.contains("?"), "no glyph replaced: " + text);
    }

    @Test
    void aCaveatThisReportDoesNotKnowIsStillShown() {
        assertTrue(ImpactReport.caveat("somethingNew").contains("somethingNew"));
        assertEquals("Het interval bevat nul: de cijfers passen ook bij geen effect.",
                ImpactReport.caveat(AvoidedCostScenario.EFFECT_NOT_DISTINGUISHABLE_FROM_ZERO));
    }
}
