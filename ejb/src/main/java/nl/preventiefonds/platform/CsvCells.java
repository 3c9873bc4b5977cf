package nl.preventiefonds.platform;

/**
 * Cells of every CSV file the product writes. A spreadsheet takes a cell that starts with {@code =}, {@code +},
 * {@code -}, {@code @}, a tab or a carriage return for a formula, so a title like {@code =HYPERLINK(...)} typed by an
 * applicant would run on the fund manager's machine (CSV injection, OWASP). Text cells get a single quote before
 * such a start, which spreadsheets show as text; numbers and dates are written as they are, so an amount of
 * {@code -12.50} stays a number. Reading our own files back, {@link #unquoted} takes the quote off again.
 */
public final class CsvCells {

    private CsvCells() {
    }

    /** A text cell that no spreadsheet runs as a formula; null is an empty cell. */
    public static String text(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        return triggers(value.charAt(0)) ? "'" + value : value;
    }

    private static final java.util.regex.Pattern NUMBER = java.util.regex.Pattern.compile("[-+]?[0-9][0-9.,]*");

    /**
     * A cell meant for a number but written as it came (a rejected upload row): kept when it reads as a number
     * ({@code -1}, {@code 1.200}, {@code 7,5}), otherwise neutralised like {@link #text}.
     */
    public static String numberOrText(String value) {
        return value != null && NUMBER.matcher(value.strip()).matches() ? value : text(value);
    }

    /** A cell as {@link #text} wrote it, without the quote it added (a quote before anything else stays). */
    public static String unquoted(String cell) {
        if (cell != null && cell.length() > 1 && cell.charAt(0) == '\'' && triggers(cell.charAt(1))) {
            return cell.substring(1);
        }
        return cell;
    }

    private static boolean triggers(char first) {
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
    }
}
