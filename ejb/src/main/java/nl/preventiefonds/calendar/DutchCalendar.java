package nl.preventiefonds.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;

/**
 * Working days as Dutch statutory terms count them: a term that ends on a Saturday, Sunday, one of the general
 * holidays of Algemene termijnenwet art. 3 lid 1 and 2, or a day equated to them by royal decree (lid 3, see
 * {@link EquatedDays}) runs on to the next working day (art. 1).
 */
public final class DutchCalendar {

    private DutchCalendar() {
    }

    /** Easter Sunday by the anonymous Gregorian algorithm (Meeus/Jones/Butcher). */
    public static LocalDate easterSunday(int year) {
        int a = year % 19;
        int b = year / 100;
        int c = year % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31;
        int day = (h + l - 7 * m + 114) % 31 + 1;
        return LocalDate.of(year, month, day);
    }

    /**
     * The general holidays of Algemene termijnenwet art. 3. The law names 5 May every year, not only in
     * lustrum years, so Bevrijdingsdag always counts here.
     */
    public static boolean isGeneralHoliday(LocalDate date) {
        int year = date.getYear();
        if (date.equals(LocalDate.of(year, Month.JANUARY, 1))
                || date.equals(LocalDate.of(year, Month.MAY, 5))
                || date.equals(LocalDate.of(year, Month.DECEMBER, 25))
                || date.equals(LocalDate.of(year, Month.DECEMBER, 26))
                || date.equals(kingsDay(year))) {
            return true;
        }
        long fromEaster = date.toEpochDay() - easterSunday(year).toEpochDay();
        return fromEaster == -2     // Goede Vrijdag
                || fromEaster == 0  // eerste Paasdag
                || fromEaster == 1  // tweede Paasdag
                || fromEaster == 39 // Hemelvaartsdag
                || fromEaster == 49 // eerste Pinksterdag
                || fromEaster == 50; // tweede Pinksterdag
    }

    /** Not a Saturday, Sunday, general holiday or equated day. */
    public static boolean isWorkingDay(LocalDate date, EquatedDays equated) {
        return isWeekday(date) && !isGeneralHoliday(date) && !equated.contains(date);
    }

    /** Monday to Friday. */
    public static boolean isWeekday(LocalDate date) {
        DayOfWeek day = date.getDayOfWeek();
        return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY;
    }

    /** The date itself when it is a working day, else the first working day after it. */
    public static LocalDate onOrNextWorkingDay(LocalDate date, EquatedDays equated) {
        LocalDate day = date;
        while (!isWorkingDay(day, equated)) {
            day = day.plusDays(1);
        }
        return day;
    }

    /**
     * The day the monarch's birthday is celebrated. Since 2014 Koningsdag is 27 April, or 26 April when the
     * 27th is a Sunday; before that Koninginnedag was 30 April, or 29 April when the 30th was a Sunday.
     */
    static LocalDate kingsDay(int year) {
        LocalDate birthday = year >= 2014 ? LocalDate.of(year, Month.APRIL, 27) : LocalDate.of(year, Month.APRIL, 30);
        return birthday.getDayOfWeek() == DayOfWeek.SUNDAY ? birthday.minusDays(1) : birthday;
    }
}
