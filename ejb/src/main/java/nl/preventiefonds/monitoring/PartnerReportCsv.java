package nl.preventiefonds.monitoring;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import nl.preventiefonds.platform.CsvCells;
import nl.preventiefonds.platform.CsvText;
import nl.preventiefonds.platform.DutchNumbers;
import nl.preventiefonds.platform.Problem;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The CSV in which a coalition partner reports the realised reach of its activities over many
 * initiatives at once: reading and checking it, and writing the rejected rows back so the partner
 * can correct and upload only those. Pure: whether a reference exists is the caller's question.
 */
public final class PartnerReportCsv {

    public static final String REFERENCE = "referentie";
    /** Which report a row is for: {@code eind} or {@code voortgang N}. Optional only where one progress report is open. */
    public static final String REPORT = "rapportage";
    public static final String ACTIVITY = "activiteit";
    public static final String PARTICIPANTS = "deelnemers";
    public static final String SESSIONS = "bijeenkomsten";
    public static final String VOLUNTEERS = "vrijwilligers";
    public static final String INDICATOR = "indicator";
    public static final String VALUE = "waarde";
    public static final String NOTE = "toelichting";

    public static final List<String> COLUMNS =
            List.of(REFERENCE, REPORT, ACTIVITY, PARTICIPANTS, SESSIONS, VOLUNTEERS, INDICATOR, VALUE, NOTE);
    private static final List<String> NUMBERS = List.of(PARTICIPANTS, SESSIONS, VOLUNTEERS, VALUE);
    private static final List<String> REQUIRED = List.of(REFERENCE, ACTIVITY, PARTICIPANTS, SESSIONS, VOLUNTEERS);

    /** Added by the rejected-rows report; accepted and ignored on upload, so a corrected report goes back as is. */
    public static final String ERRORS_COLUMN = "fouten";

    public static final int MAX_ROWS = 5_000;
    public static final int MAX_COUNT = 1_000_000;
    /** Guards the database column; no reach indicator comes near it. */
    public static final int MAX_INDICATOR_VALUE = 1_000_000_000;
    public static final int MAX_ACTIVITY = 200;
    public static final int MAX_INDICATOR_NAME = 200;
    public static final int MAX_NOTE = 2_000;

    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final Pattern FINAL_REPORT = Pattern.compile("eind(?:verslag|rapportage)?");
    private static final Pattern PROGRESS_REPORT = Pattern.compile("voortgang(?:sverslag|srapportage)? *(\\d{1,3})");

    private PartnerReportCsv() {
    }

    /**
     * One data row. Values are null where the cell is empty or invalid; {@code raw} holds every
     * column of {@link #COLUMNS} with the cell text exactly as uploaded ("" when absent).
     */
    public record Row(int line, String reference, ReportChoice report, String activity, Integer participants,
            Integer sessions, Integer volunteers, String indicatorName, BigDecimal indicatorValue, String note,
            Map<String, String> raw, List<Problem> problems) {

        public Row {
            raw = Collections.unmodifiableMap(new LinkedHashMap<>(raw));
            problems = List.copyOf(problems);
        }

        public boolean valid() {
            return problems.isEmpty();
        }

        /** A copy with one more problem, e.g. an unknown reference, so the row goes into the rejected-rows report. */
        public Row withProblem(Problem extra) {
            List<Problem> more = new ArrayList<>(problems);
            more.add(Objects.requireNonNull(extra, "extra"));
            return new Row(line, reference, report, activity, participants, sessions, volunteers, indicatorName,
                    indicatorValue, note, raw, more);
        }
    }

    /**
     * The report a row names: the final report, or progress report {@code number} (1 is the partner's first
     * progress report of that initiative). Null on a row when the cell is empty.
     */
    public record ReportChoice(ReportPurpose purpose, int number) implements java.io.Serializable {
        public static final ReportChoice FINAL = new ReportChoice(ReportPurpose.FINAL, 0);

        public static ReportChoice progress(int number) {
            return new ReportChoice(ReportPurpose.PROGRESS, number);
        }

        /** As written in the column: {@code eind} or {@code voortgang 2}. */
        public String cell() {
            return purpose == ReportPurpose.FINAL ? "eind" : "voortgang " + number;
        }
    }

    /** The rows of a file, or, when {@code fileProblems} is not empty, why the file as a whole cannot be used. */
    public record Parsed(List<Row> rows, List<Problem> fileProblems) {

        public Parsed {
            rows = List.copyOf(rows);
            fileProblems = List.copyOf(fileProblems);
        }
    }

    /**
     * Reads an uploaded file: encoding and separator are detected, blank lines skipped, and every row
     * gets all its problems, so the partner can fix a file in one go.
     */
    public static Parsed parse(byte[] content) {
        Objects.requireNonNull(content, "content");
        // Header plus one row over the limit, so a too-long file is recognised without reading all of it.
        CsvText.Lines read = CsvText.read(content, "csv.empty", MAX_ROWS + 2);
        if (!read.readable()) {
            return unusable(read.problem());
        }
        Header header = null;
        List<Row> rows = new ArrayList<>();
        for (CsvText.Line line : read.lines()) {
            if (header == null) {
                header = Header.of(line.cells());
                if (!header.problems.isEmpty()) {
                    return new Parsed(List.of(), header.problems);
                }
            } else if (rows.size() == MAX_ROWS) {
                return unusable(Problem.of("csv.tooManyRows", MAX_ROWS));
            } else {
                rows.add(row(line.number(), line.cells(), header, read.grouping()));
            }
        }
        return rows.isEmpty() ? unusable(Problem.of("csv.empty")) : new Parsed(rows, List.of());
    }

    /**
     * The rows that are not valid (including those the caller held back with {@link Row#withProblem}),
     * with their cells as uploaded and a last column naming what to fix. UTF-8 with a byte order mark
     * and semicolons, as Excel on Dutch Windows opens it without an import wizard.
     */
    public static byte[] rejectedRowsReport(List<Row> rows, Function<Problem, String> messageText) {
        List<String> header = new ArrayList<>(COLUMNS);
        header.add(ERRORS_COLUMN);
        CSVFormat format = CSVFormat.Builder.create(CSVFormat.DEFAULT).setDelimiter(';').setRecordSeparator("\r\n")
                .setHeader(header.toArray(String[]::new)).get();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(UTF8_BOM);
        try (CSVPrinter printer = new CSVPrinter(new OutputStreamWriter(out, StandardCharsets.UTF_8), format)) {
            for (Row row : rows) {
                if (row.valid()) {
                    continue;
                }
                List<String> cells = new ArrayList<>();
                // As uploaded, but never as a formula (CsvCells): the partner opens this file in a spreadsheet.
                for (String column : COLUMNS) {
                    String raw = row.raw().getOrDefault(column, "");
                    cells.add(NUMBERS.contains(column) ? CsvCells.numberOrText(raw) : CsvCells.text(raw));
                }
                cells.add(CsvCells.text(row.problems().stream().map(messageText).collect(Collectors.joining(" | "))));
                printer.printRecord(cells);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static Parsed unusable(Problem problem) {
        return new Parsed(List.of(), List.of(problem));
    }

    /** Where each known column is; blank header cells (left over from spreadsheet formatting) are ignored. */
    private record Header(Map<String, Integer> index, int width, List<Problem> problems) {

        static Header of(List<String> cells) {
            Map<String, Integer> index = new HashMap<>();
            List<String> unknown = new ArrayList<>();
            List<String> twice = new ArrayList<>();
            for (int i = 0; i < cells.size(); i++) {
                String name = clean(cells.get(i));
                String key = name.toLowerCase(Locale.ROOT);
                if (name.isEmpty()) {
                    continue;
                }
                if (!COLUMNS.contains(key) && !key.equals(ERRORS_COLUMN)) {
                    unknown.add(name);
                } else if (index.putIfAbsent(key, i) != null && !twice.contains(key)) {
                    twice.add(key);
                }
            }
            List<Problem> problems = new ArrayList<>();
            List<String> missing = REQUIRED.stream().filter(column -> !index.containsKey(column)).toList();
            if (!missing.isEmpty()) {
                problems.add(Problem.of("csv.missingColumns", String.join(", ", missing)));
            }
            if (!unknown.isEmpty()) {
                problems.add(Problem.of("csv.unknownColumns", String.join(", ", unknown)));
            }
            if (!twice.isEmpty()) {
                problems.add(Problem.of("csv.duplicateColumns", String.join(", ", twice)));
            }
            return new Header(index, cells.size(), problems);
        }
    }

    private static Row row(int line, List<String> cells, Header header, char grouping) {
        Map<String, String> raw = new LinkedHashMap<>();
        for (String column : COLUMNS) {
            Integer i = header.index.get(column);
            raw.put(column, i != null && i < cells.size() ? cells.get(i) : "");
        }
        List<Problem> problems = new ArrayList<>();
        if (cells.size() != header.width) {
            // Cells have shifted, so checking them one by one would only confuse.
            problems.add(Problem.of("csv.wrongCellCount", header.width, cells.size()));
            return new Row(line, null, null, null, null, null, null, null, null, null, raw, problems);
        }
        String reference = text(raw, REFERENCE);
        if (reference == null) {
            problems.add(Problem.of("csv.referenceRequired"));
        }
        ReportChoice report = report(raw, problems);
        String activity = limited(raw, ACTIVITY, MAX_ACTIVITY, problems);
        if (clean(raw.get(ACTIVITY)).isEmpty()) {
            problems.add(Problem.of("csv.activityRequired"));
        }
        Integer participants = count(raw, PARTICIPANTS, grouping, problems);
        Integer sessions = count(raw, SESSIONS, grouping, problems);
        Integer volunteers = count(raw, VOLUNTEERS, grouping, problems);
        String indicatorName = limited(raw, INDICATOR, MAX_INDICATOR_NAME, problems);
        String valueText = text(raw, VALUE);
        if (clean(raw.get(INDICATOR)).isEmpty() != (valueText == null)) {
            problems.add(Problem.of("csv.indicatorIncomplete"));
        }
        BigDecimal indicatorValue = valueText == null ? null : decimal(VALUE, valueText, grouping, problems);
        String note = limited(raw, NOTE, MAX_NOTE, problems);
        return new Row(line, reference, report, activity, participants, sessions, volunteers, indicatorName,
                indicatorValue, note, raw, problems);
    }

    /** "eind", "Eindverslag", "voortgang 1", "voortgangsverslag 2"; anything else is a problem, never a guess. */
    static ReportChoice report(Map<String, String> raw, List<Problem> problems) {
        String value = clean(raw.get(REPORT)).toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        if (value.isEmpty()) {
            return null;
        }
        if (FINAL_REPORT.matcher(value).matches()) {
            return ReportChoice.FINAL;
        }
        Matcher progress = PROGRESS_REPORT.matcher(value);
        if (progress.matches() && Integer.parseInt(progress.group(1)) > 0) {
            return ReportChoice.progress(Integer.parseInt(progress.group(1)));
        }
        problems.add(Problem.of("csv.reportUnknown", clean(raw.get(REPORT))));
        return null;
    }

    /** Spreadsheets pad cells with ordinary and non-breaking spaces; neither is part of the value. */
    private static String clean(String cell) {
        return CsvText.clean(cell);
    }

    private static String text(Map<String, String> raw, String column) {
        String value = clean(raw.get(column));
        return value.isEmpty() ? null : value;
    }

    private static String limited(Map<String, String> raw, String column, int max, List<Problem> problems) {
        String value = text(raw, column);
        if (value != null && value.codePointCount(0, value.length()) > max) {
            problems.add(Problem.of("csv.tooLong", column, max));
            return null;
        }
        return value;
    }

    private static Integer count(Map<String, String> raw, String column, char grouping, List<Problem> problems) {
        String value = clean(raw.get(column));
        if (value.isEmpty()) {
            problems.add(Problem.of("csv.numberRequired", column));
            return null;
        }
        BigInteger number = DutchNumbers.whole(value, grouping);
        if (number == null) {
            problems.add(Problem.of("csv.notWholeNumber", column, value));
            return null;
        }
        if (number.signum() < 0) {
            problems.add(Problem.of("csv.negative", column));
            return null;
        }
        if (number.compareTo(BigInteger.valueOf(MAX_COUNT)) > 0) {
            problems.add(Problem.of("csv.tooLarge", column, MAX_COUNT));
            return null;
        }
        return number.intValue();
    }

    /** Accepts "12,5" and "12.5", and digit groups in the file's own style: "1.250,5" in a ';' file. */
    private static BigDecimal decimal(String column, String value, char grouping, List<Problem> problems) {
        BigDecimal number = DutchNumbers.decimal(value, grouping, 2);
        if (number == null) {
            problems.add(Problem.of("csv.notDecimal", column, value));
            return null;
        }
        if (number.compareTo(BigDecimal.valueOf(MAX_INDICATOR_VALUE)) > 0) {
            problems.add(Problem.of("csv.tooLarge", column, MAX_INDICATOR_VALUE));
            return null;
        }
        return number;
    }

}
