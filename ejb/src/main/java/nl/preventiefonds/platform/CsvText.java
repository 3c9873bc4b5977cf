package nl.preventiefonds.platform;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

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

    /** Spreadsheets pad cells with ordinary and non-breaking spaces; neither is part of the value. */
    public static String clean(String cell) {
        return cell == null ? "" : cell.replace('\u00A0', ' ').strip();
    }
}
