package nl.preventiefonds.impact;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import nl.preventiefonds.platform.CsvText;
import nl.preventiefonds.platform.DutchNumbers;
import nl.preventiefonds.platform.Problem;

/**
 * Reads a CSV of neighbourhood care-demand indicators in one of two shapes:
 * <ul>
 * <li>LONG: {@code wijkcode;wijknaam;periode;indicator;waarde}, one row per neighbourhood, period and indicator;</li>
 * <li>WIDE, as CBS "Kerncijfers wijken en buurten" publishes it: one row per neighbourhood and period, one column
 * per indicator under its CBS heading ("Wmo-cliënten relatief (per 1 000 inwoners)").</li>
 * </ul>
 * A file is long when its header has an {@code indicator} column. Values may use the Dutch decimal comma; a value
 * CBS suppressed or does not have ("." or "x", or an empty cell) is MISSING, never zero; "-" is CBS's "nihil" and
 * means 0. Every row gets all its problems with its true line number. Pure: whether a neighbourhood code exists is
 * the caller's question.
 */
public final class CareDemandImport {

    public static final String CODE = "wijkcode";
    public static final String NAME = "wijknaam";
    public static final String PERIOD = "periode";
    public static final String INDICATOR = "indicator";
    public static final String VALUE = "waarde";
    public static final List<String> LONG_COLUMNS = List.of(CODE, NAME, PERIOD, INDICATOR, VALUE);

    /** Lines with data; a year of CBS figures for even a large municipality's wijken and buurten is far less. */
    public static final int MAX_ROWS = 20_000;
    /** Guards the database column DECIMAL(14,4). */
    public static final BigDecimal MAX_VALUE = new BigDecimal("1000000000");
    public static final int MAX_DECIMALS = 4;

    public enum Shape {
        LONG, WIDE
    }

    private static final Map<String, String> COLUMN_ALIASES = new HashMap<>();
    /** Columns of a CBS table that say nothing about care demand and are skipped in a wide file. */
    private static final Set<String> IGNORED = Set.of("gemeentenaam", "gemeentecode", "soortregio", "id",
            "indelingswijziging", "indelingswijzigingwijkenenbuurten");

    static {
        alias(CODE, "wijkcode", "codering", "code", "regiocode", "wijkenbuurtcode", "wijkenbuurtcodering", "buurtcode", "neighbourhoodcode");
        alias(NAME, "wijknaam", "naam", "wijkenbuurten", "wijkenenbuurten", "regionaam", "buurtnaam", "neighbourhoodname", "name");
        alias(PERIOD, "periode", "perioden", "jaar", "kwartaal", "period", "year");
        alias(INDICATOR, "indicator");
        alias(VALUE, "waarde", "value");
    }

    private static void alias(String column, String... names) {
        for (String name : names) {
            COLUMN_ALIASES.put(name, column);
        }
    }

    /** A heading the import reads as something else (the code, period, ...) or skips: no indicator can have it. */
    public static boolean reserved(String heading) {
        String key = CareIndicator.key(heading);
        return COLUMN_ALIASES.containsKey(key) || IGNORED.contains(key);
    }

    private static final Pattern CODE_PATTERN = Pattern.compile("WK\\d{6}|BU\\d{8}");

    private CareDemandImport() {
    }

    /**
     * An indicator the file may hold: its code (what a long file's cell or the stored value names), the heading of
     * its wide-file column, its unit, and every folded text (see {@link CareIndicator#key}) that names it.
     */
    public record Column(String code, String heading, CareIndicator.Unit unit, Set<String> keys) {
        public Column {
            keys = Set.copyOf(keys);
        }

        /** The six standard indicators under their codes, headings and aliases. */
        public static List<Column> standard() {
            return java.util.Arrays.stream(CareIndicator.values()).map(i -> {
                Set<String> keys = new java.util.HashSet<>();
                keys.add(CareIndicator.key(i.name()));
                i.aliases().forEach(a -> keys.add(CareIndicator.key(a)));
                return new Column(i.name(), i.cbsHeading(), i.unit(), keys);
            }).toList();
        }
    }

    /** One value of a row, by indicator code: MISSING when {@code suppressed}, then {@code value} is null. */
    public record Value(String indicator, BigDecimal value, boolean suppressed) {
    }

    /** One data line of the file with the values it holds (one in a long file, one per indicator in a wide one). */
    public record Row(int line, String code, String name, String periodText, CarePeriod period, String indicatorText,
            List<Value> values, List<Problem> problems) {

        public Row {
            values = List.copyOf(values);
            problems = List.copyOf(problems);
        }

        public boolean valid() {
            return problems.isEmpty();
        }

        public Row withProblem(Problem extra) {
            List<Problem> more = new ArrayList<>(problems);
            more.add(Objects.requireNonNull(extra, "extra"));
            return new Row(line, code, name, periodText, period, indicatorText, values, more);
        }
    }

    /** The rows of a file, or, when {@code fileProblems} is not empty, why the file as a whole cannot be used. */
    public record Parsed(Shape shape, List<Row> rows, List<Problem> fileProblems) {

        public Parsed {
            rows = List.copyOf(rows);
            fileProblems = List.copyOf(fileProblems);
        }

        public boolean allValid() {
            return fileProblems.isEmpty() && rows.stream().allMatch(Row::valid);
        }
    }

    /** With the six standard indicators only. */
    public static Parsed parse(byte[] content) {
        return parse(content, Column.standard());
    }

    /** With the indicators a municipality keeps (its active definitions): what else a file names is unknown. */
    public static Parsed parse(byte[] content, List<Column> columns) {
        Objects.requireNonNull(content, "content");
        Map<String, Column> known = new HashMap<>();
        for (Column column : columns) {
            column.keys().forEach(k -> known.putIfAbsent(k, column));
        }
        // Header plus one row over the limit, so a too-long file is recognised without reading all of it.
        CsvText.Lines read = CsvText.read(content, "indicators.empty", MAX_ROWS + 2);
        if (!read.readable()) {
            return unusable(read.problem());
        }
        Header header = null;
        List<Row> rows = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (CsvText.Line line : read.lines()) {
            if (header == null) {
                header = Header.of(line.cells(), known);
                if (!header.problems.isEmpty()) {
                    return new Parsed(header.shape, List.of(), header.problems);
                }
            } else if (rows.size() == MAX_ROWS) {
                return unusable(Problem.of("csv.tooManyRows", MAX_ROWS));
            } else {
                rows.add(row(line.number(), line.cells(), header, read.grouping(), seen, known));
            }
        }
        if (rows.isEmpty()) {
            return unusable(Problem.of("indicators.empty"));
        }
        return new Parsed(header.shape, rows, List.of());
    }

    private static Parsed unusable(Problem problem) {
        return new Parsed(null, List.of(), List.of(problem));
    }

    private record Header(Shape shape, Map<String, Integer> index, Map<Integer, Column> indicators, int width,
            List<Problem> problems) {

        static Header of(List<String> cells, Map<String, Column> known) {
            Map<String, Integer> index = new HashMap<>();
            Map<Integer, Column> indicators = new LinkedHashMap<>();
            List<String> unknown = new ArrayList<>();
            List<String> twice = new ArrayList<>();
            List<String> others = new ArrayList<>();
            for (int i = 0; i < cells.size(); i++) {
                String name = CsvText.clean(cells.get(i));
                if (name.isEmpty()) {
                    continue;
                }
                String column = COLUMN_ALIASES.get(CareIndicator.key(name));
                if (column != null) {
                    if (index.putIfAbsent(column, i) != null && !twice.contains(column)) {
                        twice.add(column);
                    }
                } else {
                    others.add(i + "\u0000" + name);
                }
            }
            Shape shape = index.containsKey(INDICATOR) || index.containsKey(VALUE) ? Shape.LONG : Shape.WIDE;
            for (String other : others) {
                int i = Integer.parseInt(other.substring(0, other.indexOf('\u0000')));
                String name = other.substring(other.indexOf('\u0000') + 1);
                if (shape == Shape.LONG) {
                    unknown.add(name);
                    continue;
                }
                Column indicator = known.get(CareIndicator.key(name));
                if (indicator == null) {
                    if (!IGNORED.contains(CareIndicator.key(name))) {
                        unknown.add(name);
                    }
                } else if (indicators.containsValue(indicator)) {
                    twice.add(name);
                } else {
                    indicators.put(i, indicator);
                }
            }
            List<Problem> problems = new ArrayList<>();
            List<String> required = shape == Shape.LONG ? List.of(CODE, PERIOD, INDICATOR, VALUE) : List.of(CODE, PERIOD);
            List<String> missing = required.stream().filter(c -> !index.containsKey(c)).toList();
            if (!missing.isEmpty()) {
                problems.add(Problem.of("csv.missingColumns", String.join(", ", missing)));
            }
            if (!unknown.isEmpty()) {
                problems.add(Problem.of("indicators.unknownColumns", String.join(", ", unknown)));
            }
            if (!twice.isEmpty()) {
                problems.add(Problem.of("csv.duplicateColumns", String.join(", ", twice)));
            }
            if (shape == Shape.WIDE && indicators.isEmpty() && unknown.isEmpty()) {
                problems.add(Problem.of("indicators.noIndicatorColumns"));
            }
            return new Header(shape, index, indicators, cells.size(), problems);
        }

        String cell(List<String> cells, String column) {
            Integer i = index.get(column);
            return i != null && i < cells.size() ? CsvText.clean(cells.get(i)) : "";
        }
    }

    private static Row row(int line, List<String> cells, Header header, char grouping, Map<String, Integer> seen,
                           Map<String, Column> known) {
        String code = header.cell(cells, CODE).toUpperCase(Locale.ROOT);
        String name = header.cell(cells, NAME);
        String periodText = header.cell(cells, PERIOD);
        String indicatorText = header.shape == Shape.LONG ? header.cell(cells, INDICATOR) : null;
        List<Problem> problems = new ArrayList<>();
        if (cells.size() != header.width) {
            problems.add(Problem.of("csv.wrongCellCount", header.width, cells.size()));
            return new Row(line, code, name, periodText, null, indicatorText, List.of(), problems);
        }
        if (code.isEmpty()) {
            problems.add(Problem.of("indicators.codeRequired"));
        } else if (!CODE_PATTERN.matcher(code).matches()) {
            problems.add(Problem.of("indicators.codeInvalid", code));
        }
        CarePeriod period = null;
        if (periodText.isEmpty()) {
            problems.add(Problem.of("indicators.periodRequired"));
        } else {
            period = CarePeriod.parse(periodText).orElse(null);
            if (period == null) {
                problems.add(Problem.of("indicators.periodInvalid", periodText));
            }
        }
        Map<Column, String> texts = new LinkedHashMap<>();
        if (header.shape == Shape.LONG) {
            if (indicatorText.isEmpty()) {
                problems.add(Problem.of("indicators.indicatorRequired"));
            } else {
                Column indicator = known.get(CareIndicator.key(indicatorText));
                if (indicator == null) {
                    problems.add(Problem.of("indicators.indicatorUnknown", indicatorText));
                } else {
                    texts.put(indicator, header.cell(cells, VALUE));
                }
            }
        } else {
            header.indicators.forEach((i, indicator) -> texts.put(indicator, CsvText.clean(cells.get(i))));
        }
        List<Value> values = new ArrayList<>();
        for (Map.Entry<Column, String> entry : texts.entrySet()) {
            Value value = value(entry.getKey(), entry.getValue(), grouping, problems);
            if (value != null) {
                values.add(value);
            }
            if (period != null && !code.isEmpty()) {
                Integer first = seen.putIfAbsent(code + "|" + period.label() + "|" + entry.getKey().code(), line);
                if (first != null) {
                    problems.add(Problem.of("indicators.duplicate", code, period.label(),
                            entry.getKey().heading(), first));
                }
            }
        }
        return new Row(line, code, name, periodText, period, indicatorText, values, problems);
    }

    /** True for what CBS prints where a value is unknown or secret: ".", "x", or nothing at all. */
    static boolean suppressed(String text) {
        return text.isEmpty() || text.equals(".") || text.equalsIgnoreCase("x");
    }

    private static Value value(Column indicator, String text, char grouping, List<Problem> problems) {
        if (suppressed(text)) {
            return new Value(indicator.code(), null, true);
        }
        if (text.equals("-")) {
            return new Value(indicator.code(), BigDecimal.ZERO, false); // CBS: "nihil"
        }
        BigDecimal number = number(text, grouping);
        if (number == null) {
            problems.add(Problem.of("indicators.numberInvalid", indicator.heading(), text));
            return null;
        }
        if (number.signum() < 0) {
            problems.add(Problem.of("indicators.negative", indicator.heading(), text));
            return null;
        }
        if (indicator.unit() == CareIndicator.Unit.PERCENT && number.compareTo(BigDecimal.valueOf(100)) > 0) {
            problems.add(Problem.of("indicators.percentAbove100", indicator.heading(), text));
            return null;
        }
        if (number.compareTo(MAX_VALUE) > 0) {
            problems.add(Problem.of("indicators.numberInvalid", indicator.heading(), text));
            return null;
        }
        return new Value(indicator.code(), number, false);
    }

    /**
     * "12,5" and "12.5"; digit groups in the file's own style ("1.250,5" in a ';' file, "1,250.5" in a ',' file);
     * spaces between digits as CBS prints "1 250". Null when it is not such a number or has more than four decimals.
     */
    static BigDecimal number(String text, char grouping) {
        return DutchNumbers.decimal(text.replaceAll("[\\s\u00A0\u2009\u202F]", ""), grouping, MAX_DECIMALS);
    }
}
