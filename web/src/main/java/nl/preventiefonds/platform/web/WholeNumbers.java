package nl.preventiefonds.platform.web;

/**
 * Numbers from addresses and submitted values (ids, page numbers, years): ASCII digits only, so no sign, spaces,
 * exponents or full-width digits, which {@code Character.isDigit} and {@code Long.parseLong} would let through.
 */
public final class WholeNumbers {
    /** More digits than this could overflow a long. */
    static final int MAX_DIGITS = 18;

    private WholeNumbers() {
    }

    /** The value as a number of at most {@code maxDigits} digits (18 at most); null for anything else. */
    public static Long parse(String value, int maxDigits) {
        if (value == null || value.isEmpty() || value.length() > Math.min(maxDigits, MAX_DIGITS)
                || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return null;
        }
        return Long.valueOf(value);
    }
}
