package nl.preventiefonds.platform;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * What every CSV upload needs before parsing: the text of the file in whatever encoding a spreadsheet saved it,
 * the cell separator it used, and cells without the padding spreadsheets add. Shared by the partner's bulk report
 * and the care-demand import.
 */
public final class CsvText {
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private CsvText() {
    }

    /** UTF-8 (with or without BOM), UTF-16 with BOM (Excel's "Unicode text"), otherwise windows-1252. */
    public static String decode(byte[] bytes) {
        if (startsWith(bytes, 0xFF, 0xFE)) {
            return new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16LE);
        }
        if (startsWith(bytes, 0xFE, 0xFF)) {
            return new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16BE);
        }
        int offset = startsWith(bytes, 0xEF, 0xBB, 0xBF) ? 3 : 0;
        try {
            CharBuffer chars = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, offset, bytes.length - offset));
            return chars.toString();
        } catch (CharacterCodingException notUtf8) {
            // Excel on Dutch Windows saves "CSV (gescheiden door lijstscheidingsteken)" in windows-1252.
            return new String(bytes, offset, bytes.length - offset, WINDOWS_1252);
        }
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /** The separator used most on the header line (outside quotes); ties and none go to the Dutch ';'. */
    public static char detectDelimiter(String text) {
        String header = text.lines().filter(line -> line.chars().anyMatch(Character::isLetterOrDigit)).findFirst()
                .orElse("");
        int semicolons = 0;
        int tabs = 0;
        int commas = 0;
        boolean quoted = false;
        for (char c : header.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted) {
                switch (c) {
                    case ';' -> semicolons++;
                    case '\t' -> tabs++;
                    case ',' -> commas++;
                    default -> {
                    }
                }
            }
        }
        if (semicolons >= tabs && semicolons >= commas) {
            return ';';
        }
        return tabs >= commas ? '\t' : ',';
    }

    /**
     * Spreadsheets pad cells with ordinary and non-breaking spaces; neither is part of the value. Nor is the quote
     * our own exports put before a formula-like start ({@link CsvCells}), so a template comes back as it went out.
     */
    public static String clean(String cell) {
        return cell == null ? "" : CsvCells.unquoted(cell.replace('\u00A0', ' ').strip());
    }

    /** One line of a file that has content, with its true line number (the row number a spreadsheet shows). */
    public record Line(int number, List<String> cells) {
    }

    /**
     * The lines of a file that have content, or, when {@code problem} is set, why it is no CSV at all.
     * {@code grouping} is the separator of digit groups in its numbers: Dutch spreadsheets group thousands with a
     * point; in a comma-separated file the comma groups; a workbook's numbers come without groups and with a point
     * for decimals, so there the comma "groups" (none do), and "1.234" stays one and a bit.
     */
    public record Lines(char delimiter, List<Line> lines, Problem problem, char grouping) {
        public Lines(char delimiter, List<Line> lines, Problem problem) {
            this(delimiter, lines, problem, delimiter == ',' ? ',' : '.');
        }

        public boolean readable() {
            return problem == null;
        }
    }

    /**
     * Reads at most {@code maxLines} lines with content: decoded, separator detected, blank lines skipped while
     * line numbers stay true to the file. A binary file gives csv.notCsv, a blank one {@code emptyKey}, a broken
     * quote csv.malformed with the line where the broken record starts.
     */
    public static Lines read(byte[] content, String emptyKey, int maxLines) {
        if (Workbook.isZip(content)) {
            return Workbook.read(content, emptyKey, maxLines);
        }
        String text = decode(content);
        if (text.indexOf('\0') >= 0) {
            // An old Excel workbook (.xls) or other binary file uploaded instead of a CSV export or .xlsx.
            return new Lines(';', List.of(), Problem.of("csv.notCsv"));
        }
        if (text.isBlank()) {
            return new Lines(';', List.of(), Problem.of(emptyKey));
        }
        char delimiter = detectDelimiter(text);
        CSVFormat format = CSVFormat.Builder.create(CSVFormat.DEFAULT).setDelimiter(delimiter)
                // Blank lines come through as records, so the parser's line count stays true to the file.
                .setIgnoreEmptyLines(false).get();
        List<Line> lines = new ArrayList<>();
        long lastLine = 0;
        try (CSVParser parser = format.parse(new StringReader(text))) {
            Iterator<CSVRecord> records = parser.iterator();
            while (lines.size() < maxLines) {
                CSVRecord record;
                try {
                    if (!records.hasNext()) {
                        break;
                    }
                    record = records.next();
                } catch (UncheckedIOException e) {
                    // The broken record starts on the line after the last good one (where an unclosed quote opened).
                    return new Lines(delimiter, List.of(), Problem.of("csv.malformed", (int) lastLine + 1));
                }
                int number = (int) lastLine + 1;
                lastLine = parser.getCurrentLineNumber();
                List<String> cells = record.toList();
                if (!cells.stream().allMatch(cell -> clean(cell).isEmpty())) {
                    lines.add(new Line(number, cells));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // reading a string does not fail
        }
        return new Lines(delimiter, lines, null);
    }
}
