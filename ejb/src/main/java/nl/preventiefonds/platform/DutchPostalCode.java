package nl.preventiefonds.platform;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A Dutch postcode: four digits, the first not 0, and two letters; shown as "9401 JW". */
public final class DutchPostalCode {
    private static final Pattern FORMAT = Pattern.compile("([1-9][0-9]{3}) ?([A-Za-z]{2})");

    private DutchPostalCode() {
    }

    /** "9401jw", " 9401 JW " become "9401 JW"; anything else is empty. Letters SA, SD and SS are not issued. */
    public static Optional<String> normalise(String typed) {
        if (typed == null) {
            return Optional.empty();
        }
        Matcher m = FORMAT.matcher(typed.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        String letters = m.group(2).toUpperCase(java.util.Locale.ROOT);
        if (letters.equals("SA") || letters.equals("SD") || letters.equals("SS")) {
            return Optional.empty();
        }
        return Optional.of(m.group(1) + " " + letters);
    }
}
