package nl.preventiefonds.platform;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one parser of numbers as people type them in Dutch files and spreadsheets: "12,5" and "12.5", digit groups
 * in the file's own style ("1.250,5" where the point groups, "1,250.5" where the comma does), an optional leading
 * minus. Pure; null means "not such a number", so each caller keeps its own message.
 */
public final class DutchNumbers {
    /** The grouping separator of Dutch text: "1.250,5". */
    public static final char DUTCH_GROUPING = '.';

    private static final Pattern DIGITS = Pattern.compile("\\d+");
    private static final Pattern PLAIN = Pattern.compile("(\\d+)(?:[.,](\\d+))?");
    // groups of three after a first group not starting with 0: "1.200" and "12.000.000", not "1.2" or "0.200"
    private static final Pattern POINT_GROUPED = Pattern.compile("([1-9]\\d{0,2}(?:\\.\\d{3})+)(?:,(\\d+))?");
    private static final Pattern COMMA_GROUPED = Pattern.compile("([1-9]\\d{0,2}(?:,\\d{3})+)(?:\\.(\\d+))?");
    private static final Pattern POINT_GROUPED_WHOLE = Pattern.compile("[1-9]\\d{0,2}(?:\\.\\d{3})+");
    private static final Pattern COMMA_GROUPED_WHOLE = Pattern.compile("[1-9]\\d{0,2}(?:,\\d{3})+");

    private DutchNumbers() {
    }

    /**
     * The number, with as many decimals as written ("12,50" has scale 2); null for blank text, garbage, spaces
     * inside, an exponent or more than {@code maxDecimals} decimals. {@code grouping} is '.' or ',': the separator
     * of digit groups in this text; the other one (or either, without groups) separates the decimals.
     */
    public static BigDecimal decimal(String text, char grouping, int maxDecimals) {
        Pattern groupedPattern = groupedPattern(grouping);
        if (text == null) {
            return null;
        }
        boolean negative = text.startsWith("-");
        String body = negative ? text.substring(1) : text;
        Matcher grouped = groupedPattern.matcher(body);
        Matcher plain = PLAIN.matcher(body);
        String whole;
        String fraction;
        if (grouped.matches()) {
            whole = grouped.group(1).replace(String.valueOf(grouping), "");
            fraction = grouped.group(2);
        } else if (plain.matches()) {
            whole = plain.group(1);
            fraction = plain.group(2);
        } else {
            return null;
        }
        if (fraction != null && fraction.length() > maxDecimals) {
            return null;
        }
        BigDecimal number = new BigDecimal(fraction == null ? whole : whole + "." + fraction);
        return negative ? number.negate() : number;
    }

    /** A Dutch decimal: "1.234,56" and "-12,5" (also "12.5" without digit groups). */
    public static BigDecimal decimal(String text, int maxDecimals) {
        return decimal(text, DUTCH_GROUPING, maxDecimals);
    }

    /** A whole number, digit groups as in {@link #decimal}: "1.200", "-3"; null for anything else, decimals too. */
    public static BigInteger whole(String text, char grouping) {
        Pattern grouped = groupedPattern(grouping) == POINT_GROUPED ? POINT_GROUPED_WHOLE : COMMA_GROUPED_WHOLE;
        if (text == null) {
            return null;
        }
        boolean negative = text.startsWith("-");
        String body = negative ? text.substring(1) : text;
        String digits;
        if (DIGITS.matcher(body).matches()) {
            digits = body;
        } else if (grouped.matcher(body).matches()) {
            digits = body.replace(String.valueOf(grouping), "");
        } else {
            return null;
        }
        BigInteger number = new BigInteger(digits);
        return negative ? number.negate() : number;
    }

    private static Pattern groupedPattern(char grouping) {
        if (grouping != '.' && grouping != ',') {
            throw new IllegalArgumentException("digit groups are separated by '.' or ',', not " + grouping);
        }
        return grouping == '.' ? POINT_GROUPED : COMMA_GROUPED;
    }
}
