package nl.preventiefonds.impact;

import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The period a care-demand value belongs to: a calendar year ("2024", also CBS's "2024JJ00") or a quarter
 * ("2024-Q1", also "2024KW1", "2024 KW 1", "2024Q1", "2024KW01"). Stored under its canonical label ("2024",
 * "2024-Q1") with its first day.
 */
public record CarePeriod(String label, LocalDate start, LocalDate end) {
    public static final int MIN_YEAR = 1990;
    public static final int MAX_YEAR = 2100;

    private static final Pattern YEAR = Pattern.compile("(\\d{4})(?:JJ00)?");
    private static final Pattern QUARTER = Pattern.compile("(\\d{4})\\s*[-/]?\\s*(?:KW|Q)\\s*0?([1-4])");

    public static Optional<CarePeriod> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String value = text.strip().toUpperCase(java.util.Locale.ROOT);
        Matcher year = YEAR.matcher(value);
        if (year.matches()) {
            int y = Integer.parseInt(year.group(1));
            return inRange(y) ? Optional.of(year(y)) : Optional.empty();
        }
        Matcher quarter = QUARTER.matcher(value);
        if (quarter.matches()) {
            int y = Integer.parseInt(quarter.group(1));
            return inRange(y) ? Optional.of(quarter(y, Integer.parseInt(quarter.group(2)))) : Optional.empty();
        }
        return Optional.empty();
    }

    public static CarePeriod year(int year) {
        return new CarePeriod(String.valueOf(year), LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
    }

    public static CarePeriod quarter(int year, int quarter) {
        LocalDate start = LocalDate.of(year, 3 * (quarter - 1) + 1, 1);
        return new CarePeriod(year + "-Q" + quarter, start, start.plusMonths(3).minusDays(1));
    }

    public boolean isYear() {
        return !label.contains("-Q");
    }

    private static boolean inRange(int year) {
        return year >= MIN_YEAR && year <= MAX_YEAR;
    }
}
