package nl.preventiefonds.impact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import nl.preventiefonds.application.CareDomain;
import nl.preventiefonds.platform.Problem;
import org.junit.jupiter.api.Test;

class CareDemandImportTest {
    private static final String LONG_HEADER = "wijkcode;wijknaam;periode;indicator;waarde\n";

    private static CareDemandImport.Parsed parse(String csv) {
        return CareDemandImport.parse(csv.getBytes(StandardCharsets.UTF_8));
    }

    private static List<String> keys(CareDemandImport.Row row) {
        return row.problems().stream().map(Problem::key).toList();
    }

    @Test
    void aGoodLongFileGivesOneValuePerRowWithDutchDecimals() {
        CareDemandImport.Parsed parsed = parse(LONG_HEADER
                + "WK010601;Assen-Oost;2024;WMO_CLIENTS_PER_1000;61,4\n"
                + "WK010602;Pittelo;2024;Percentage jongeren met jeugdzorg (%);12.5\n");
        assertEquals(CareDemandImport.Shape.LONG, parsed.shape());
        assertTrue(parsed.allValid(), parsed.toString());
        CareDemandImport.Row first = parsed.rows().get(0);
        assertEquals(2, first.line());
        assertEquals("WK010601", first.code());
        assertEquals("2024", first.period().label());
        assertEquals(LocalDate.of(2024, 1, 1), first.period().start());
        assertEquals(CareIndicator.WMO_CLIENTS_PER_1000.name(), first.values().get(0).indicator());
        assertEquals(new BigDecimal("61.4"), first.values().get(0).value());
        assertEquals(CareIndicator.YOUTH_CARE_PERCENT.name(), parsed.rows().get(1).values().get(0).indicator());
        assertEquals(new BigDecimal("12.5"), parsed.rows().get(1).values().get(0).value());
    }

    @Test
    void aSuppressedValueIsMissingNeverZero() {
        CareDemandImport.Parsed parsed = parse(LONG_HEADER
                + "WK010601;Assen-Oost;2024;Jeugdzorgtrajecten (aantal);.\n"
                + "WK010602;Pittelo;2024;Jeugdzorgtrajecten (aantal);x\n"
                + "WK010603;Lariks;2024;Jeugdzorgtrajecten (aantal);\n"
                + "WK010604;Peelo;2024;Jeugdzorgtrajecten (aantal);-\n");
        assertTrue(parsed.allValid(), parsed.toString());
        for (int i = 0; i < 3; i++) {
            CareDemandImport.Value value = parsed.rows().get(i).values().get(0);
            assertTrue(value.suppressed(), "row " + i);
            assertNull(value.value(), "row " + i);
        }
        CareDemandImport.Value nihil = parsed.rows().get(3).values().get(0);
        assertFalse(nihil.suppressed(), "CBS '-' is nihil, a real zero");
        assertEquals(0, BigDecimal.ZERO.compareTo(nihil.value()));
    }

    @Test
    void aBadRowGetsAllItsProblemsAndItsTrueLineNumber() {
        CareDemandImport.Parsed parsed = parse(LONG_HEADER
                + "\n"
                + "WK010601;Assen-Oost;2024;WMO_CLIENTS;12\n"
                + "\n"
                + "XX1;Nergens;twintig;Geluk;veel\n");
        CareDemandImport.Row bad = parsed.rows().get(1);
        assertEquals(5, bad.line(), "blank lines count");
        assertEquals(List.of("indicators.codeInvalid", "indicators.periodInvalid", "indicators.indicatorUnknown"),
                keys(bad));
        assertTrue(parsed.rows().get(0).valid());
        assertFalse(parsed.allValid());
    }

    @Test
    void numbersThatAreWrongNegativeOrAbove100PercentAreRefused() {
        CareDemandImport.Parsed parsed = parse(LONG_HEADER
                + "WK010601;A;2024;WMO_CLIENTS;12,34567\n"
                + "WK010602;B;2024;WMO_CLIENTS;-3\n"
                + "WK010603;C;2024;YOUTH_CARE_PERCENT;100,5\n"
                + "WK010604;D;2024;YOUTH_CARE_PERCENT;100\n"
                + "WK010605;E;2024;WMO_CLIENTS;1.250\n");
        assertEquals(List.of("indicators.numberInvalid"), keys(parsed.rows().get(0)));
        assertEquals(List.of("indicators.negative"), keys(parsed.rows().get(1)));
        assertEquals(List.of("indicators.percentAbove100"), keys(parsed.rows().get(2)));
        assertTrue(parsed.rows().get(3).valid());
        assertEquals(new BigDecimal("1250"), parsed.rows().get(4).values().get(0).value(), "Dutch digit grouping");
    }

    @Test
    void theSameCodePeriodAndIndicatorTwiceIsADuplicateNamingTheFirstLine() {
        CareDemandImport.Parsed parsed = parse(LONG_HEADER
                + "WK010601;A;2024;WMO_CLIENTS;12\n"
                + "wk010601;A;2024;Wmo-cliënten (aantal);13\n"
                + "WK010601;A;2023;WMO_CLIENTS;13\n");
        assertTrue(parsed.rows().get(0).valid());
        CareDemandImport.Row duplicate = parsed.rows().get(1);
        assertEquals(List.of("indicators.duplicate"), keys(duplicate));
        assertEquals(2, duplicate.problems().get(0).args().get(3));
        assertTrue(parsed.rows().get(2).valid(), "another period is no duplicate");
    }

    @Test
    void periodsAreYearsOrQuartersInSeveralNotations() {
        assertEquals("2024", CarePeriod.parse("2024").orElseThrow().label());
        assertEquals("2024", CarePeriod.parse("2024JJ00").orElseThrow().label());
        assertEquals("2024-Q1", CarePeriod.parse("2024KW1").orElseThrow().label());
        assertEquals("2024-Q3", CarePeriod.parse("2024-Q3").orElseThrow().label());
        assertEquals("2024-Q4", CarePeriod.parse("2024 kw 04").orElseThrow().label());
        assertEquals(LocalDate.of(2024, 7, 1), CarePeriod.parse("2024Q3").orElseThrow().start());
        assertTrue(CarePeriod.parse("2024-Q5").isEmpty());
        assertTrue(CarePeriod.parse("1850").isEmpty());
        assertTrue(CarePeriod.parse("24").isEmpty());
    }

    @Test
    void aWideCbsFileGivesOneRowPerNeighbourhoodAndPeriodWithAllItsIndicators() {
        String csv = "Wijken en buurten;Codering;Perioden;Wmo-cliënten relatief (per 1 000 inwoners);"
                + "Percentage jongeren met jeugdzorg (%);Jeugdzorgtrajecten (aantal)\n"
                + "Pittelo;WK010602;2023;58,2;11,1;.\n"
                + "Lariks;BU01060300;2023;x;101;40\n";
        CareDemandImport.Parsed parsed = parse(csv);
        assertEquals(CareDemandImport.Shape.WIDE, parsed.shape());
        assertTrue(parsed.fileProblems().isEmpty(), parsed.fileProblems().toString());
        CareDemandImport.Row pittelo = parsed.rows().get(0);
        assertTrue(pittelo.valid());
        assertEquals("Pittelo", pittelo.name());
        assertEquals(3, pittelo.values().size());
        assertEquals(new BigDecimal("58.2"), pittelo.values().get(0).value());
        assertTrue(pittelo.values().get(2).suppressed());
        CareDemandImport.Row lariks = parsed.rows().get(1);
        assertEquals("BU01060300", lariks.code(), "buurt codes are accepted");
        assertEquals(List.of("indicators.percentAbove100"), keys(lariks));
    }

    @Test
    void aWideFileWithAnUnknownIndicatorColumnIsRefusedAsAWhole() {
        CareDemandImport.Parsed parsed = parse("Codering;Perioden;Gemeentenaam;Aantal inwoners;"
                + "Wmo-cliënten relatief (per 1 000 inwoners)\nWK010602;2023;Assen;5000;58\n");
        assertEquals(1, parsed.fileProblems().size());
        assertEquals("indicators.unknownColumns", parsed.fileProblems().get(0).key());
        assertEquals("Aantal inwoners", parsed.fileProblems().get(0).args().get(0), "Gemeentenaam is ignored");
        assertTrue(parsed.rows().isEmpty());
    }

    @Test
    void aLongFileWithoutTheValueColumnIsRefused() {
        CareDemandImport.Parsed parsed = parse("wijkcode;periode;indicator\nWK010601;2024;WMO_CLIENTS\n");
        assertEquals("csv.missingColumns", parsed.fileProblems().get(0).key());
        assertEquals("waarde", parsed.fileProblems().get(0).args().get(0));
    }

    @Test
    void bomWindows1252AndCommaSeparatedFilesAreRead() {
        byte[] body = ("\uFEFF" + LONG_HEADER + "WK010601;Assen-Oost;2024;Wmo-cliënten relatief;61,4\n")
                .getBytes(StandardCharsets.UTF_8);
        assertTrue(CareDemandImport.parse(body).allValid(), "UTF-8 with BOM");

        byte[] ansi = (LONG_HEADER + "WK010601;Assen-Oost;2024;Wmo-cliënten relatief;61,4\n")
                .getBytes(Charset.forName("windows-1252"));
        CareDemandImport.Parsed fromExcel = CareDemandImport.parse(ansi);
        assertTrue(fromExcel.allValid(), fromExcel.toString());
        assertEquals(CareIndicator.WMO_CLIENTS_PER_1000.name(), fromExcel.rows().get(0).values().get(0).indicator());

        CareDemandImport.Parsed commas = parse("wijkcode,wijknaam,periode,indicator,waarde\n"
                + "WK010601,Assen-Oost,2024KW2,WMO_CLIENTS,\"1,250.5\"\n"
                + "WK010602,Pittelo,2024KW2,YOUTH_CARE_PERCENT,12.5\n");
        assertTrue(commas.allValid(), commas.toString());
        assertEquals(new BigDecimal("1250.5"), commas.rows().get(0).values().get(0).value());
        assertEquals("2024-Q2", commas.rows().get(0).period().label());
    }

    @Test
    void aRowWithShiftedCellsSaysSoAndNothingElse() {
        CareDemandImport.Parsed parsed = parse(LONG_HEADER + "WK010601;Assen;Oost;2024;WMO_CLIENTS;12\n");
        assertEquals(List.of("csv.wrongCellCount"), keys(parsed.rows().get(0)));
    }

    @Test
    void aWorkbookGivesTheSameRowsAsItsCsvExport() {
        CareDemandImport.Parsed fromCsv = parse(LONG_HEADER
                + "WK010601;Assen-Oost;2024;WMO_CLIENTS_PER_1000;61,4\n"
                + "WK010602;Pittelo;2024-Q2;Percentage jongeren met jeugdzorg (%);12.5\n");
        CareDemandImport.Parsed fromWorkbook = CareDemandImport.parse(nl.preventiefonds.platform.WorkbookTest.xlsx(
                sheet -> {
                    List<String> header = List.of("wijkcode", "wijknaam", "periode", "indicator", "waarde");
                    for (int c = 0; c < header.size(); c++) {
                        sheet.value(0, c, header.get(c));
                    }
                    sheet.value(1, 0, "WK010601");
                    sheet.value(1, 1, "Assen-Oost");
                    sheet.value(1, 2, 2024);
                    sheet.value(1, 3, "WMO_CLIENTS_PER_1000");
                    sheet.value(1, 4, 61.4);
                    sheet.value(2, 0, "WK010602");
                    sheet.value(2, 1, "Pittelo");
                    sheet.value(2, 2, "2024-Q2");
                    sheet.value(2, 3, "Percentage jongeren met jeugdzorg (%)");
                    sheet.value(2, 4, new BigDecimal("12.5"));
                }));
        assertTrue(fromWorkbook.allValid(), fromWorkbook.toString());
        assertEquals(fromCsv.rows(), fromWorkbook.rows());
    }

    @Test
    void emptyAndBinaryFilesAreRefused() {
        assertEquals("indicators.empty", parse("").fileProblems().get(0).key());
        assertEquals("indicators.empty", parse(LONG_HEADER).fileProblems().get(0).key());
        assertEquals("xlsx.unreadable", CareDemandImport.parse(new byte[] {'P', 'K', 3, 4, 0, 0}).fileProblems()
                .get(0).key());
        assertEquals("csv.notCsv", CareDemandImport.parse(new byte[] {'x', 0, 0, 1}).fileProblems().get(0).key());
        assertEquals("csv.malformed", parse(LONG_HEADER + "WK010601;\"Assen;2024;WMO_CLIENTS;1\n")
                .fileProblems().get(0).key());
    }

    @Test
    void indicatorsAreKnownByDutchAndEnglishAliasesAndHaveADomainAndUnit() {
        assertEquals(CareIndicator.YOUTH_CARE_TRAJECTORIES, CareIndicator.fromText("youth care trajectories")
                .orElseThrow());
        assertEquals(CareIndicator.WMO_CLIENTS_PER_1000, CareIndicator.fromText("WMO-CLIENTEN RELATIEF (per 1000"
                + " inwoners)").orElseThrow());
        assertTrue(CareIndicator.fromText("geluk").isEmpty());
        for (CareIndicator indicator : CareIndicator.values()) {
            assertEquals(indicator, CareIndicator.fromText(indicator.name()).orElseThrow());
            assertEquals(indicator, CareIndicator.fromText(indicator.cbsHeading()).orElseThrow());
        }
        assertEquals(CareDomain.YOUTH_CARE, CareIndicator.YOUTH_CARE_PERCENT.domain());
        assertEquals(CareIndicator.Unit.PERCENT, CareIndicator.YOUTH_CARE_PERCENT.unit());
    }
}
