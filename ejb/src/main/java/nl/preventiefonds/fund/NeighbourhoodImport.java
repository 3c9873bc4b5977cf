package nl.preventiefonds.fund;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import nl.preventiefonds.platform.CsvText;
import nl.preventiefonds.platform.DutchNumbers;
import nl.preventiefonds.platform.Problem;

/**
 * Reads the CSV of CBS "Kerncijfers wijken en buurten" (table 85984NED for 2024, the same columns in earlier years'
 * tables) for one municipality. Accepted, in any order, any case, with or without CBS's number suffix ({@code _3}) and
 * unit ({@code (aantal)}):
 * <ul>
 * <li>the code: {@code Codering_3} ("Codering"), or {@code WijkenEnBuurten} when that column holds codes (the raw
 * open-data file); WKggggww is a wijk, BUggggwwbb a buurt;</li>
 * <li>the name: {@code WijkenEnBuurten} / "Wijken en buurten" when it holds names (StatLine's download with labels),
 * or a column {@code naam} / {@code wijknaam} / {@code buurtnaam};</li>
 * <li>the population: {@code AantalInwoners_5} / "Aantal inwoners (aantal)" / {@code inwoners};</li>
 * <li>{@code SoortRegio_2} ("Soort regio"), {@code Gemeentenaam_1}, {@code ID} and every other CBS column are read
 * past.</li>
 * </ul>
 * The country (NL01) and the municipality's own row (GMgggg) are skipped, and so are buurten unless asked for. A wijk,
 * buurt or municipality of another municipality is a problem of its line, and so is a code given twice, a population
 * that is no whole number from 0 up, or a name that is too long. A population CBS suppressed ("." or "x") or left empty
 * is unknown, never 0; "-" is CBS's nihil, 0. Pure: what exists already is the caller's question.
 */
public final class NeighbourhoodImport {
    public static final int MAX_ROWS = 20_000;
    public static final int MAX_POPULATION = 10_000_000;
    public static final int MAX_NAME = 120;

    static final String CODE = "codering";
    static final String REGION = "wijkenenbuurten";
    static final String NAME = "naam";
    static final String POPULATION = "aantalinwoners";
    static final String KIND = "soortregio";

    private static final Map<String, String> ALIASES = new HashMap<>();

    static {
        alias(CODE, "codering", "code", "wijkcode", "buurtcode", "regiocode", "wijkenbuurtcode", "cbscode");
        alias(REGION, "wijkenenbuurten", "wijkenbuurten");
        alias(NAME, "naam", "wijknaam", "buurtnaam", "regionaam", "name");
        alias(POPULATION, "aantalinwoners", "inwoners", "population", "bevolking");
        alias(KIND, "soortregio");
    }

    private static void alias(String column, String... names) {
        for (String name : names) {
            ALIASES.put(name, column);
        }
    }

    /** What a line is about, and so what becomes of it. */
    public enum Kind {
        WIJK, BUURT, MUNICIPALITY, COUNTRY, UNKNOWN
    }

    /** Why a line is passed over without a problem. */
    public enum Skip {
        COUNTRY, OWN_MUNICIPALITY, BUURT
    }

    /** One data line: the code, the name (empty when the file has none) and the population (null when unknown). */
    public record Row(int line, String code, String name, Integer population, Kind kind, Skip skip,
            List<Problem> problems) {

        public Row {
            problems = List.copyOf(problems);
        }

        public boolean valid() {
            return problems.isEmpty();
        }

        public boolean skipped() {
            return skip != null;
        }
    }

    /** The rows of a file, or, when {@code fileProblems} is not empty, why it cannot be used at all. */
    public record Parsed(List<Row> rows, List<Problem> fileProblems, boolean hasNames, boolean hasPopulation) {

        public Parsed {
            rows = List.copyOf(rows);
            fileProblems = List.copyOf(fileProblems);
        }

        public boolean allValid() {
            return fileProblems.isEmpty() && rows.stream().allMatch(Row::valid);
        }
    }

    private NeighbourhoodImport() {
    }

    /** A column heading as compared: lower case, without CBS's "_5" suffix, a unit in brackets or punctuation. */
    static String key(String heading) {
        String plain = heading.toLowerCase(Locale.ROOT).replaceAll("\\(.*?\\)", "").replaceAll("_\\d+$", "");
        return plain.replaceAll("[^a-z0-9]", "");
    }

    /**
     * @param municipalityCode the GMgggg code of the municipality importing
     * @param municipalityName its name, for the problems
     * @param withBuurten whether buurten are imported too, not only wijken
     */
    public static Parsed parse(byte[] content, String municipalityCode, String municipalityName,
                               boolean withBuurten) {
        Objects.requireNonNull(content, "content");
        CsvText.Lines read = CsvText.read(content, "neighbourhoods.empty", MAX_ROWS + 2);
        if (!read.readable()) {
            return new Parsed(List.of(), List.of(read.problem()), false, false);
        }
        Map<String, Integer> index = null;
        int width = 0;
        List<Row> rows = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (CsvText.Line line : read.lines()) {
            if (index == null) {
                index = new HashMap<>();
                List<String> twice = new ArrayList<>();
                for (int i = 0; i < line.cells().size(); i++) {
                    String column = ALIASES.get(key(CsvText.clean(line.cells().get(i))));
                    if (column != null && index.putIfAbsent(column, i) != null) {
                        twice.add(CsvText.clean(line.cells().get(i)));
                    }
                }
                width = line.cells().size();
                List<Problem> problems = new ArrayList<>();
                if (!index.containsKey(CODE) && !index.containsKey(REGION)) {
                    problems.add(Problem.of("csv.missingColumns", "Codering_3"));
                }
                if (!twice.isEmpty()) {
                    problems.add(Problem.of("csv.duplicateColumns", String.join(", ", twice)));
                }
                if (!problems.isEmpty()) {
                    return new Parsed(List.of(), problems, false, false);
                }
            } else if (rows.size() == MAX_ROWS) {
                return new Parsed(List.of(), List.of(Problem.of("csv.tooManyRows", MAX_ROWS)), false, false);
            } else {
                rows.add(row(line, index, width, read.grouping(), municipalityCode, municipalityName, withBuurten,
                        seen));
            }
        }
        if (rows.isEmpty()) {
            return new Parsed(List.of(), List.of(Problem.of("neighbourhoods.empty")), false, false);
        }
        boolean hasNames = index.containsKey(NAME) || rows.stream().anyMatch(r -> !r.name().isEmpty());
        return new Parsed(rows, List.of(), hasNames, index.containsKey(POPULATION));
    }

    private static String cell(List<String> cells, Map<String, Integer> index, String column) {
        Integer i = index.get(column);
        return i != null && i < cells.size() ? CsvText.clean(cells.get(i)) : "";
    }

    private static Row row(CsvText.Line line, Map<String, Integer> index, int width, char grouping,
                           String municipalityCode, String municipalityName, boolean withBuurten,
                           Map<String, Integer> seen) {
        List<String> cells = line.cells();
        List<Problem> problems = new ArrayList<>();
        String region = cell(cells, index, REGION);
        String regionAsCode = NeighbourhoodCodes.normalise(region);
        boolean regionIsCode = NeighbourhoodCodes.isNeighbourhood(regionAsCode)
                || NeighbourhoodCodes.isMunicipality(regionAsCode) || regionAsCode.matches("NL\\d{2}");
        String code = index.containsKey(CODE) ? NeighbourhoodCodes.normalise(cell(cells, index, CODE))
                : regionIsCode ? regionAsCode : "";
        String name = index.containsKey(NAME) ? cell(cells, index, NAME) : regionIsCode ? "" : region;
        if (cells.size() != width) {
            problems.add(Problem.of("csv.wrongCellCount", width, cells.size()));
            return new Row(line.number(), code, name, null, Kind.UNKNOWN, null, problems);
        }
        Kind kind = kind(code, cell(cells, index, KIND));
        Skip skip = null;
        switch (kind) {
            case COUNTRY -> skip = Skip.COUNTRY;
            case MUNICIPALITY -> {
                if (NeighbourhoodCodes.belongsTo(code, municipalityCode)) {
                    skip = Skip.OWN_MUNICIPALITY;
                } else {
                    problems.add(Problem.of("neighbourhoods.otherMunicipality", code, municipalityName));
                }
            }
            case WIJK, BUURT -> {
                if (!NeighbourhoodCodes.belongsTo(code, municipalityCode)) {
                    problems.add(Problem.of("neighbourhoods.otherMunicipality", code, municipalityName));
                } else if (kind == Kind.BUURT && !withBuurten) {
                    skip = Skip.BUURT;
                }
                Integer first = seen.putIfAbsent(code, line.number());
                if (first != null) {
                    problems.add(Problem.of("neighbourhoods.duplicate", code, first));
                }
            }
            default -> problems.add(code.isEmpty() ? Problem.of("neighbourhoods.codeRequired")
                    : Problem.of("neighbourhoods.codeInvalid", code));
        }
        Integer population = null;
        if (index.containsKey(POPULATION) && (kind == Kind.WIJK || kind == Kind.BUURT)) {
            String text = cell(cells, index, POPULATION);
            if (!suppressed(text)) {
                population = population(text, grouping);
                if (population == null) {
                    problems.add(Problem.of("neighbourhoods.populationInvalid", code, text));
                }
            }
        }
        if (name.length() > MAX_NAME) {
            problems.add(Problem.of("neighbourhoods.nameTooLong", code, MAX_NAME));
        }
        return new Row(line.number(), code, name, population, kind, problems.isEmpty() ? skip : null, problems);
    }

    private static Kind kind(String code, String soortRegio) {
        if (code.matches("NL\\d{2}") || soortRegio.equalsIgnoreCase("Land")) {
            return Kind.COUNTRY;
        }
        if (NeighbourhoodCodes.isMunicipality(code)) {
            return Kind.MUNICIPALITY;
        }
        if (NeighbourhoodCodes.isNeighbourhood(code)) {
            return NeighbourhoodCodes.isBuurt(code) ? Kind.BUURT : Kind.WIJK;
        }
        return Kind.UNKNOWN;
    }

    /** What CBS prints where a number is secret or unknown: ".", "x", or nothing. */
    static boolean suppressed(String text) {
        return text.isEmpty() || text.equals(".") || text.equalsIgnoreCase("x");
    }

    /** A whole number from 0 up to {@link #MAX_POPULATION}, "12 345", "12.345" and CBS's nihil "-" (0) included. */
    static Integer population(String text, char grouping) {
        if (text.equals("-")) {
            return 0;
        }
        BigInteger number = DutchNumbers.whole(text.replaceAll("[\\s\u00A0\u2009\u202F]", ""), grouping);
        if (number == null || number.signum() < 0 || number.compareTo(BigInteger.valueOf(MAX_POPULATION)) > 0) {
            return null;
        }
        return number.intValueExact();
    }
}
