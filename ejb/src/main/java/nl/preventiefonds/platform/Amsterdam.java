package nl.preventiefonds.platform;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Deadlines and dates are Dutch law's: they are computed in this zone. */
public final class Amsterdam {
    public static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");

    public static final Locale DUTCH = Locale.forLanguageTag("nl-NL");

    private Amsterdam() {
    }

    /** "23 november 2026" in Dutch, "23 November 2026" in English. */
    public static String longDate(LocalDate date, Locale locale) {
        return date == null ? "-" : date.format(DateTimeFormatter.ofPattern("d MMMM yyyy", locale));
    }

    /** Date and time in Amsterdam, e.g. "23 november 2026 om 14:05" in Dutch. */
    public static String longDateTime(Instant moment, Locale locale) {
        if (moment == null) {
            return "-";
        }
        String pattern = "nl".equals(locale.getLanguage()) ? "d MMMM yyyy 'om' HH:mm" : "d MMMM yyyy 'at' HH:mm";
        return moment.atZone(ZONE).format(DateTimeFormatter.ofPattern(pattern, locale));
    }

    /** Euros with cents the Dutch way: "€ 12.345,67". */
    public static String euros(BigDecimal amount, Locale locale) {
        if (amount == null) {
            return "-";
        }
        // Building a currency format per amount was a tenth of a list page's time; a clone is cheap, and a
        // format may not be shared between threads.
        NumberFormat prototype = EURO_FORMATS.get(locale);
        if (prototype == null) {
            prototype = euroFormat(locale);
            if (EURO_FORMATS.size() < 50) {
                EURO_FORMATS.put(locale, prototype);
            }
        }
        NumberFormat format = (NumberFormat) prototype.clone();
        // A plain space after the sign, so texts read and search the same everywhere (PDF, mail, screen).
        return format.format(amount).replace('\u00a0', ' ').replace('\u202f', ' ');
    }

    private static final java.util.Map<Locale, NumberFormat> EURO_FORMATS = new java.util.concurrent.ConcurrentHashMap<>();

    private static NumberFormat euroFormat(Locale locale) {
        NumberFormat format = NumberFormat.getCurrencyInstance(locale.getCountry().isEmpty()
                ? Locale.forLanguageTag(locale.getLanguage() + "-NL") : locale);
        format.setCurrency(java.util.Currency.getInstance("EUR"));
        return format;
    }
}
