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
