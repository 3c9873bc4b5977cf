package nl.preventiefonds.monitoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import nl.preventiefonds.monitoring.PartnerReportCsv.Parsed;
import nl.preventiefonds.monitoring.PartnerReportCsv.Row;
import nl.preventiefonds.platform.Problem;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

class PartnerReportCsvTest {

    private static final String HEADER = "referentie;activiteit;deelnemers;bijeenkomsten;vrijwilligers;indicator;waarde;toelichting";

    private static byte[] utf8(String... lines) {
        return (String.join("\r\n", lines) + "\r\n").getBytes(StandardCharsets.UTF_8);
    }

    private static List<Row> rowsOf(byte[] content) {
        Parsed parsed = PartnerReportCsv.parse(content);
        assertEquals(List.of(), parsed.fileProblems());
        return parsed.rows();
    }

    private static Row only(String... dataLines) {
        String[] lines = new String[dataLines.length + 1];
        lines[0] = HEADER;
        System.arraycopy(dataLines, 0, lines, 1, dataLines.length);
        List<Row> rows = rowsOf(utf8(lines));
        assertEquals(1, rows.size());
        return rows.get(0);
    }

    private static List<Problem> fileProblems(byte[] content) {
        Parsed parsed = PartnerReportCsv.parse(content);
        assertEquals(List.of(), parsed.rows(), "an unusable file yields no rows");
        return parsed.fileProblems();
    }

    @Test
    void aGoodSemicolonFileParsesEveryValueExactly() {
        List<Row> rows = rowsOf(utf8(HEADER,
                "PF-2025-00012;Taalcafé;25;10;3;Tevredenheid;8,5;Goed bezocht",
                "PF-2025-00013;Buurtmaaltijd;0;1;0;;;"));

        assertEquals(2, rows.size());
        Row first = rows.get(0);
        assertTrue(first.valid(), first.problems().toString());
        assertEquals(2, first.line());
        assertEquals("PF-2025-00012", first.reference());
        assertEquals("Taalcafé", first.activity());
        assertEquals(25, first.participants());
        assertEquals(10, first.sessions());
        assertEquals(3, first.volunteers());
        assertEquals("Tevredenheid", first.indicatorName());
        assertEquals(new BigDecimal("8.5"), first.indicatorValue());
        assertEquals("Goed bezocht", first.note());
        assertEquals(PartnerReportCsv.COLUMNS, List.copyOf(first.raw().keySet()));
        assertEquals("8,5", first.raw().get("waarde"));

        Row second = rows.get(1);
        assertTrue(second.valid(), second.problems().toString());
        assertEquals(3, second.line());
        assertEquals(0, second.participants());
        assertNull(second.indicatorName());
        assertNull(second.indicatorValue());
        assertNull(second.note());
    }

    @Test
    void commaDelimitedFileIsRecognised() {
        Row row = rowsOf(utf8(HEADER.replace(';', ','),
                "PF-1,\"Koken, samen\",12,4,2,Bereik,\"12,5\",")).get(0);

        assertTrue(row.valid(), row.problems().toString());
        assertEquals("Koken, samen", row.activity());
        assertEquals(12, row.participants());
        assertEquals(4, row.sessions());
        assertEquals(new BigDecimal("12.5"), row.indicatorValue());
    }

    @Test
    void tabDelimitedFileIsRecognised() {
        Row row = rowsOf(utf8(HEADER.replace(';', '\t'), "PF-1\tWandelen; met hond\t7\t2\t1\t\t\t")).get(0);

        assertTrue(row.valid(), row.problems().toString());
        assertEquals("Wandelen; met hond", row.activity());
        assertEquals(7, row.participants());
        assertEquals(1, row.volunteers());
    }

    @Test
    void aUtf8ByteOrderMarkIsNotPartOfTheFirstColumnName() {
        byte[] text = utf8(HEADER, "PF-1;Zwemles;1;1;1;;;");
        byte[] withBom = new byte[text.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(text, 0, withBom, 3, text.length);

        Row row = rowsOf(withBom).get(0);

        assertTrue(row.valid(), row.problems().toString());
        assertEquals("PF-1", row.reference());
    }

    @Test
    void windows1252FromDutchExcelKeepsItsAccents() {
        byte[] content = (HEADER + "\r\nPF-1;Café voor ouderen;5;1;1;;;Met Noël en Zoë\r\n")
                .getBytes(Charset.forName("windows-1252"));

        Row row = rowsOf(content).get(0);

        assertTrue(row.valid(), row.problems().toString());
        assertEquals("Café voor ouderen", row.activity());
        assertEquals("Met Noël en Zoë", row.note());
    }

    @Test
    void utf16FromExcelUnicodeTextIsRead() {
        String text = HEADER.replace(';', '\t') + "\r\nPF-1\tCafé\t5\t1\t1\t\t\t\r\n";
        byte[] body = text.getBytes(StandardCharsets.UTF_16LE);
        byte[] content = new byte[body.length + 2];
        content[0] = (byte) 0xFF;
        content[1] = (byte) 0xFE;
        System.arraycopy(body, 0, content, 2, body.length);

        assertEquals("Café", rowsOf(content).get(0).activity());
    }

    @Test
    void aDamagedWorkbookOrAnOldExcelFileIsNamedAsSuch() {
        byte[] xlsxStart = {'P', 'K', 3, 4, 20, 0, 6, 0, 8, 0};
        byte[] xlsStart = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1, 0, 0};

        assertEquals(List.of(Problem.of("xlsx.unreadable")), fileProblems(xlsxStart));
        assertEquals(List.of(Problem.of("csv.notCsv")), fileProblems(xlsStart));
    }

    @Test
    void headerMayComeInAnyOrderAndCaseWithSpaces() {
        Row row = rowsOf(utf8(" Vrijwilligers ;DEELNEMERS;Activiteit;Bijeenkomsten;REFERENTIE",
                "2;30;Voorlezen;6;PF-9")).get(0);

        assertTrue(row.valid(), row.problems().toString());
        assertEquals("PF-9", row.reference());
        assertEquals("Voorlezen", row.activity());
        assertEquals(30, row.participants());
        assertEquals(6, row.sessions());
        assertEquals(2, row.volunteers());
        assertEquals("", row.raw().get("toelichting"), "an absent optional column reads as empty");
    }

    @Test
    void missingRequiredColumnsAreNamed() {
        assertEquals(List.of(Problem.of("csv.missingColumns", "activiteit, vrijwilligers")),
                fileProblems(utf8("referentie;deelnemers;bijeenkomsten;toelichting", "PF-1;1;1;x")));
    }

    @Test
    void unknownAndDuplicateColumnsAreNamed() {
        List<Problem> problems = fileProblems(utf8(
                "referentie;activiteit;deelnemers;bijeenkomsten;vrijwilligers;Wijk;kosten;Referentie",
                "PF-1;A;1;1;1;Noord;10;PF-1"));

        assertEquals(List.of(Problem.of("csv.unknownColumns", "Wijk, kosten"),
                Problem.of("csv.duplicateColumns", "referentie")), problems);
    }

    @Test
    void aFileWithoutDataRowsIsEmpty() {
        List<Problem> empty = List.of(Problem.of("csv.empty"));

        assertEquals(empty, fileProblems(new byte[0]));
        assertEquals(empty, fileProblems(utf8("  ")));
        assertEquals(empty, fileProblems(utf8(HEADER)));
        assertEquals(empty, fileProblems(utf8(HEADER, "", ";;;;;;;", "")));
    }

    @Test
    void badRowsListAllTheirProblemsAndGoodRowsBesideThemParseExactly() {
        List<Row> rows = rowsOf(utf8(HEADER,
                "PF-1;Yoga;20;8;2;;;",
                ";;-3;1,5;veel;Bereik;;",
                "PF-3;" + "x".repeat(201) + ";2000000;;0;;abc;" + "y".repeat(2001),
                "PF-4;Dans;15;5;1;Opkomst;75,25;"));

        assertEquals(4, rows.size());
        Row good = rows.get(0);
        assertTrue(good.valid(), good.problems().toString());
        assertEquals(List.of(20, 8, 2), List.of(good.participants(), good.sessions(), good.volunteers()));

        assertEquals(List.of(
                Problem.of("csv.referenceRequired"),
                Problem.of("csv.activityRequired"),
                Problem.of("csv.negative", "deelnemers"),
                Problem.of("csv.notWholeNumber", "bijeenkomsten", "1,5"),
                Problem.of("csv.notWholeNumber", "vrijwilligers", "veel"),
                Problem.of("csv.indicatorIncomplete")), rows.get(1).problems());
        assertEquals(3, rows.get(1).line());

        assertEquals(List.of(
                Problem.of("csv.tooLong", "activiteit", 200),
                Problem.of("csv.tooLarge", "deelnemers", 1_000_000),
                Problem.of("csv.numberRequired", "bijeenkomsten"),
                Problem.of("csv.indicatorIncomplete"),
                Problem.of("csv.notDecimal", "waarde", "abc"),
                Problem.of("csv.tooLong", "toelichting", 2000)), rows.get(2).problems());
        assertEquals(0, rows.get(2).volunteers(), "a valid cell in a bad row is still read");

        Row last = rows.get(3);
        assertTrue(last.valid(), last.problems().toString());
        assertEquals(5, last.line());
        assertEquals("Dans", last.activity());
        assertEquals(new BigDecimal("75.25"), last.indicatorValue());
    }

    @Test
    void blankLinesAreSkippedButLineNumbersStayTrueToTheFile() {
        List<Row> rows = rowsOf(utf8("", HEADER, "", "PF-1;Yoga;1;1;1;;;", ";;;;;;;", "  ",
                "PF-2;\"Twee\nregels\";2;2;2;;;", "PF-3;Dans;3;3;3;;;"));

        assertEquals(List.of(4, 7, 9), rows.stream().map(Row::line).toList());
        assertEquals("Twee\nregels", rows.get(1).activity());
        assertTrue(rows.stream().allMatch(Row::valid));
    }

    @Test
    void thousandsSeparatorsAreReadOnlyAsUnambiguousGroupsOfThree() {
        assertEquals(1200, only("PF-1;A;1.200;1;1;;;").participants());
        assertEquals(1_000_000, only("PF-1;A;1.000.000;1;1;;;").participants());
        assertEquals(List.of(Problem.of("csv.tooLarge", "deelnemers", 1_000_000)),
                only("PF-1;A;12.000.000;1;1;;;").problems());
        for (String ambiguous : List.of("1.2", "1.20", "1.2000", "0.200", "1.200.00", ".200")) {
            assertEquals(List.of(Problem.of("csv.notWholeNumber", "deelnemers", ambiguous)),
                    only("PF-1;A;" + ambiguous + ";1;1;;;").problems(), ambiguous);
        }
        // With ',' between cells the file is not Dutch-style, so a point is not a thousands separator.
        Row english = rowsOf(utf8(HEADER.replace(';', ','), "PF-1,A,1.200,\"1,500\",1,,,")).get(0);
        assertEquals(List.of(Problem.of("csv.notWholeNumber", "deelnemers", "1.200")), english.problems());
        assertEquals(1500, english.sessions());
    }

    @Test
    void indicatorValueTakesADutchDecimalCommaOrAPointWithAtMostTwoDecimals() {
        assertEquals(new BigDecimal("12.5"), only("PF-1;A;1;1;1;Score;12,5;").indicatorValue());
        assertEquals(new BigDecimal("12.5"), only("PF-1;A;1;1;1;Score;12.5;").indicatorValue());
        assertEquals(new BigDecimal("-0.75"), only("PF-1;A;1;1;1;Score;-0,75;").indicatorValue());
        assertEquals(new BigDecimal("1250.5"), only("PF-1;A;1;1;1;Score;1.250,5;").indicatorValue());
        for (String wrong : List.of("12,555", "12,5%", "1,2,3", "twaalf", ",5")) {
            assertEquals(List.of(Problem.of("csv.notDecimal", "waarde", wrong)),
                    only("PF-1;A;1;1;1;Score;" + wrong + ";").problems(), wrong);
        }
    }

    @Test
    void indicatorNameAndValueComeTogether() {
        List<Problem> incomplete = List.of(Problem.of("csv.indicatorIncomplete"));

        assertEquals(incomplete, only("PF-1;A;1;1;1;Score;;").problems());
        assertEquals(incomplete, only("PF-1;A;1;1;1;;7;").problems());
        assertTrue(only("PF-1;A;1;1;1;;;").valid());
        assertEquals(List.of(Problem.of("csv.tooLong", "indicator", 200)),
                only("PF-1;A;1;1;1;" + "i".repeat(201) + ";7;").problems());
    }

    @Test
    void aRowWithTheWrongNumberOfCellsIsRejectedAndKeepsItsCells() {
        List<Row> rows = rowsOf(utf8(HEADER, "PF-1;Yoga;1.200;5", "PF-2;Dans;1;1;1;;;;extra"));

        assertEquals(List.of(Problem.of("csv.wrongCellCount", 8, 4)), rows.get(0).problems());
        assertEquals("1.200", rows.get(0).raw().get("deelnemers"));
        assertEquals("5", rows.get(0).raw().get("bijeenkomsten"));
        assertEquals("", rows.get(0).raw().get("vrijwilligers"));
        assertNull(rows.get(0).reference());
        assertEquals(List.of(Problem.of("csv.wrongCellCount", 8, 9)), rows.get(1).problems());
        assertEquals("PF-2", rows.get(1).raw().get("referentie"));
    }

    @Test
    void anUnclosedQuoteMakesTheFileUnusableAndNamesTheLineWhereItOpened() {
        assertEquals(List.of(Problem.of("csv.malformed", 4)),
                fileProblems(utf8(HEADER, "PF-1;Yoga;1;1;1;;;", "", "PF-2;\"Dans;1;1;1;;;", "PF-3;Koken;1;1;1;;;")));
        assertEquals(List.of(Problem.of("csv.malformed", 3)),
                fileProblems(utf8(HEADER, "PF-1;Yoga;1;1;1;;;", "PF-2;\"Dans\"x;1;1;1;;;")));
    }

    @Test
    void moreThanFiveThousandRowsMakeTheFileUnusable() {
        List<String> lines = new ArrayList<>(List.of(HEADER));
        for (int i = 1; i <= 5_000; i++) {
            lines.add("PF-" + i + ";Yoga;1;1;1;;;");
        }
        assertEquals(5_000, rowsOf(utf8(lines.toArray(String[]::new))).size());

        lines.add("PF-5001;Yoga;1;1;1;;;");
        assertEquals(List.of(Problem.of("csv.tooManyRows", 5_000)), fileProblems(utf8(lines.toArray(String[]::new))));
    }

    @Test
    void rejectedRowsReportHoldsOnlyBadAndHeldBackRowsWithTheirOriginalCells() throws IOException {
        List<Row> rows = rowsOf(utf8(HEADER,
                "PF-1;Yoga;20;8;2;;;",
                "PF-2; Dans ;1.200;-1;x;Score;7,5;\"Zei: \"\"top\"\"; echt\"",
                "PF-3;Koken;5;1;1;;;",
                "PF-4;Café;3;1"));
        List<Row> checked = new ArrayList<>(rows);
        checked.set(2, rows.get(2).withProblem(Problem.of("report.unknownReference", "PF-3")));

        byte[] report = PartnerReportCsv.rejectedRowsReport(checked,
                problem -> problem.key() + problem.args().stream().map(String::valueOf)
                        .collect(Collectors.joining(",", "(", ")")));

        assertEquals(List.of((byte) 0xEF, (byte) 0xBB, (byte) 0xBF),
                List.of(report[0], report[1], report[2]), "a byte order mark for Excel");
        String text = new String(report, 3, report.length - 3, StandardCharsets.UTF_8);
        assertTrue(text.startsWith("referentie;rapportage;activiteit;deelnemers;bijeenkomsten;vrijwilligers;indicator;"
                + "waarde;toelichting;fouten\r\n"), text);
        List<CSVRecord> records;
        try (CSVParser parser = CSVFormat.Builder.create(CSVFormat.DEFAULT).setDelimiter(';').get()
                .parse(new StringReader(text))) {
            records = parser.getRecords();
        }
        assertEquals(4, records.size(), "header and three rejected rows");
        assertEquals(List.of("PF-2", "", " Dans ", "1.200", "-1", "x", "Score", "7,5", "Zei: \"top\"; echt",
                "csv.negative(bijeenkomsten) | csv.notWholeNumber(vrijwilligers,x)"), records.get(1).toList());
        assertEquals(List.of("PF-3", "", "Koken", "5", "1", "1", "", "", "", "report.unknownReference(PF-3)"),
                records.get(2).toList());
        assertEquals(List.of("PF-4", "", "Café", "3", "1", "", "", "", "", "csv.wrongCellCount(8,4)"),
                records.get(3).toList());
    }

    @Test
    void rejectedRowsNeverComeBackAsFormulas() throws IOException {
        List<Row> rows = rowsOf(utf8(HEADER, "=HYPERLINK(1);@Yoga;=1+1;-1;2;+Score;-2,5;-x"));
        byte[] report = PartnerReportCsv.rejectedRowsReport(rows, Problem::key);
        List<CSVRecord> records;
        try (CSVParser parser = CSVFormat.Builder.create(CSVFormat.DEFAULT).setDelimiter(';').get()
                .parse(new StringReader(new String(report, 3, report.length - 3, StandardCharsets.UTF_8)))) {
            records = parser.getRecords();
        }
        assertEquals(List.of("'=HYPERLINK(1)", "", "'@Yoga", "'=1+1", "-1", "2", "'+Score", "-2,5",
                "'-x"), records.get(1).toList().subList(0, 9));
        // Uploaded again, the quotes our export added are no part of the values.
        Row again = rowsOf(report).get(0);
        assertEquals("=HYPERLINK(1)", again.reference());
        assertEquals("@Yoga", again.activity());
    }

    @Test
    void aCorrectedReportCanBeUploadedAgainDespiteItsErrorsColumn() {
        List<Row> rows = rowsOf(utf8(HEADER, "PF-2;Dans;12;-1;3;;;"));
        byte[] report = PartnerReportCsv.rejectedRowsReport(rows, Problem::key);
        String corrected = new String(report, StandardCharsets.UTF_8).replace(";-1;", ";4;");

        List<Row> again = rowsOf(corrected.getBytes(StandardCharsets.UTF_8));

        assertEquals(1, again.size());
        assertTrue(again.get(0).valid(), again.get(0).problems().toString());
        assertEquals(4, again.get(0).sessions());
        assertEquals(2, again.get(0).line());
    }

    @Test
    void withProblemAddsOneProblemAndKeepsEverythingElse() {
        Row row = only("PF-1;Yoga;20;8;2;Score;7;Fijn");
        Row held = row.withProblem(Problem.of("report.closed"));

        assertTrue(row.valid(), "the original is unchanged");
        assertFalse(held.valid());
        assertEquals(List.of(Problem.of("report.closed")), held.problems());
        assertEquals(Arrays.asList(row.line(), row.reference(), row.activity(), row.participants(), row.sessions(),
                row.volunteers(), row.indicatorName(), row.indicatorValue(), row.note(), row.raw()),
                Arrays.asList(held.line(), held.reference(), held.activity(), held.participants(), held.sessions(),
                        held.volunteers(), held.indicatorName(), held.indicatorValue(), held.note(), held.raw()));
    }

    @Test
    void theReportColumnNamesTheFinalOrANumberedProgressReportAndNothingElse() {
        String header = "referentie;rapportage;activiteit;deelnemers;bijeenkomsten;vrijwilligers";
        List<Row> rows = rowsOf(utf8(header, "PF-1;eind;Zwemles;1;1;1", "PF-1; Eindverslag ;Zwemles;1;1;1",
                "PF-1;voortgang 2;Zwemles;1;1;1", "PF-1;Voortgangsverslag  1;Zwemles;1;1;1", "PF-1;;Zwemles;1;1;1",
                "PF-1;voortgang;Zwemles;1;1;1", "PF-1;voortgang 0;Zwemles;1;1;1", "PF-1;laatste;Zwemles;1;1;1"));
        assertEquals(PartnerReportCsv.ReportChoice.FINAL, rows.get(0).report());
        assertEquals(PartnerReportCsv.ReportChoice.FINAL, rows.get(1).report());
        assertEquals(PartnerReportCsv.ReportChoice.progress(2), rows.get(2).report());
        assertEquals(PartnerReportCsv.ReportChoice.progress(1), rows.get(3).report());
        assertTrue(rows.subList(0, 5).stream().allMatch(Row::valid));
        assertNull(rows.get(4).report(), "empty: left to the rules, which never guess a final report");
        assertEquals(List.of(Problem.of("csv.reportUnknown", "voortgang")), rows.get(5).problems());
        assertEquals(List.of(Problem.of("csv.reportUnknown", "voortgang 0")), rows.get(6).problems());
        assertEquals(List.of(Problem.of("csv.reportUnknown", "laatste")), rows.get(7).problems());
        assertEquals("eind", PartnerReportCsv.ReportChoice.FINAL.cell());
        assertEquals("voortgang 2", PartnerReportCsv.ReportChoice.progress(2).cell());
    }
}
