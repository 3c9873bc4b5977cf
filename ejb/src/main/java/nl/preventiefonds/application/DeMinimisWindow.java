package nl.preventiefonds.application;

import java.io.Serializable;
import java.time.LocalDate;

/**
 * The de-minimis period of EU Regulation 2023/2831 (art. 3(2)): any period of three years, rolling, not fiscal
 * years. We count the aid granted on a decision date from {@code from} up to and including {@code until}: the three
 * years that end on the day of the check (so a decision exactly three years before today no longer counts, one a day
 * later does).
 */
public record DeMinimisWindow(LocalDate from, LocalDate until) implements Serializable {

    public static DeMinimisWindow endingOn(LocalDate day) {
        return new DeMinimisWindow(day.minusYears(3).plusDays(1), day);
    }

    public boolean contains(LocalDate day) {
        return day != null && !day.isBefore(from) && !day.isAfter(until);
    }
}
