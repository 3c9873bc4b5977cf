package nl.preventiefonds.platform;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;

/**
 * Working days under the Algemene termijnenwet (Atw): a statutory term that ends on a Saturday,
 * Sunday or a general holiday of art. 3 is extended to the next working day.
 */
public final class DutchCalendar {
    private DutchCalendar() {
    }

    /** Easter Sunday in the Gregorian calendar (anonymous Gregorian algorithm). */
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
        int day = ((h + l - 7 * m + 114) % 31) + 1;
        return LocalDate.of(year, month, day);
    }

    /** The general holidays of Atw art. 3 (5 May counts every year for this law). */
    public static boolean isGeneralHoliday(LocalDate date) {
        int year = date.getYear();
        LocalDate easter = easterSunday(year);
        LocalDate kingsDay = LocalDate.of(year, Month.APRIL, 27);
        if (kingsDay.getDayOfWeek() == DayOfWeek.SUNDAY) {
            kingsDay = kingsDay.minusDays(1);
        }
        return date.equals(LocalDate.of(year, Month.JANUARY, 1))
                || date.equals(easter.minusDays(2))
                || date.equals(easter)
                || date.equals(easter.plusDays(1))
                || date.equals(easter.plusDays(39))
                || date.equals(easter.plusDays(49))
                || date.equals(easter.plusDays(50))
                || date.equals(LocalDate.of(year, Month.DECEMBER, 25))
                || date.equals(LocalDate.of(year, Month.DECEMBER, 26))
                || date.equals(kingsDay)
                || date.equals(LocalDate.of(year, Month.MAY, 5));
    }

    public static boolean isWorkingDay(LocalDate date) {
        DayOfWeek day = date.getDayOfWeek();
        return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY && !isGeneralHoliday(date);
    }

    public static LocalDate onOrNextWorkingDay(LocalDate date) {
        LocalDate candidate = date;
        while (!isWorkingDay(candidate)) {
            candidate = candidate.plusDays(1);
        }
        return candidate;
    }
}
