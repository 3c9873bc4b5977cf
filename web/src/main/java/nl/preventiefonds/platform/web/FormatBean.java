package nl.preventiefonds.platform.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import nl.preventiefonds.platform.Amsterdam;

/** Dates in Amsterdam time and euros, in the language of the page: #{fmt.date(...)}. */
@Named("fmt")
@ApplicationScoped
public class FormatBean {

    public String date(LocalDate date) {
        return Amsterdam.longDate(date, locale());
    }

    public String dateTime(Instant moment) {
        return Amsterdam.longDateTime(moment, locale());
    }

    public String euros(BigDecimal amount) {
        return Amsterdam.euros(amount, locale());
    }

    /** A number the local way, without needless decimals: "1.250,5" in Dutch. */
    public String number(BigDecimal value) {
        return decimals(value, locale(), 0, 2);
    }

    /**
     * The one way numbers are written on the pages: digit groups and decimal sign of {@code locale}, between
     * {@code min} and {@code max} decimals (half-even, as NumberFormat rounds), "-" for none.
     */
    public static String decimals(BigDecimal value, Locale locale, int min, int max) {
        if (value == null) {
            return "-";
        }
        java.text.NumberFormat format = java.text.NumberFormat.getNumberInstance(locale);
        format.setMinimumFractionDigits(min);
        format.setMaximumFractionDigits(max);
        return format.format(value);
    }

    /** IBAN in groups of four, as printed on a bank card. */
    public String iban(String iban) {
        return nl.preventiefonds.application.OrganisationIdentifiers.formatIban(iban);
    }

    /** File sizes as people read them: "240 kB", "3,4 MB". */
    public String bytes(long size) {
        if (size < 1024) {
            return size + " B";
        }
        if (size < 1024 * 1024) {
            return Math.round(size / 1024.0) + " kB";
        }
        return String.format(locale(), "%.1f MB", size / (1024.0 * 1024.0));
    }

    private static Locale locale() {
        FacesContext faces = FacesContext.getCurrentInstance();
        return faces == null || faces.getViewRoot() == null ? Amsterdam.DUTCH : faces.getViewRoot().getLocale();
    }
}
