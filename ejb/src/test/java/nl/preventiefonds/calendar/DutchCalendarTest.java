package nl.preventiefonds.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class DutchCalendarTest {
    private static final EquatedDays DECREE = KnownEquatedDays.DECREE_2026_2028;

    @ParameterizedTest
    @CsvSource({
            "2024, 2024-03-31",
            "2025, 2025-04-20",
            "2026, 2026-04-05",
            "2027, 2027-03-28",
            "2000, 2000-04-23",
            "2019, 2019-04-21",
            // the extremes of the Gregorian cycle
            "2038, 2038-04-25",
            "2285, 2285-03-22",
            "1818, 1818-03-22"
    })
    void easterSundayMatchesPublishedDates(int year, LocalDate easter) {
        assertEquals(easter, DutchCalendar.easterSunday(year));
    }

    @Test
    void easterIsAlwaysASundayBetween22MarchAnd25April() {
        for (int year = 1700; year <= 2400; year++) {
            LocalDate easter = DutchCalendar.easterSunday(year);
            assertEquals(DayOfWeek.SUNDAY, easter.getDayOfWeek(), () -> "year " + easter);
            MonthDay day = MonthDay.from(easter);
            assertFalse(day.isBefore(MonthDay.of(3, 22)) || day.isAfter(MonthDay.of(4, 25)), () -> "year " + easter);
        }
    }

    @ParameterizedTest
    @CsvSource({
            "2026-01-01, Nieuwjaarsdag",
            "2026-04-03, Goede Vrijdag",
            "2026-04-05, eerste Paasdag",
            "2026-04-06, tweede Paasdag",
            "2026-04-27, Koningsdag on a Monday",
            "2026-05-05, Bevrijdingsdag in a non-lustrum year",
            "2026-05-14, Hemelvaartsdag",
            "2026-05-24, eerste Pinksterdag",
            "2026-05-25, tweede Pinksterdag",
            "2026-12-25, eerste Kerstdag",
            "2026-12-26, tweede Kerstdag",
            "2025-04-18, Goede Vrijdag 2025",
            "2025-04-21, tweede Paasdag 2025",
            "2025-04-26, Koningsdag moved to Saturday because 27 April 2025 is a Sunday",
            "2025-05-29, Hemelvaartsdag 2025",
            "2025-06-09, tweede Pinksterdag 2025",
            "2024-05-09, Hemelvaartsdag 2024",
            "2014-04-26, the first Koningsdag, moved because 27 April 2014 was a Sunday",
            "2006-04-29, Koninginnedag moved because 30 April 2006 was a Sunday",
            "2013-04-30, the last Koninginnedag"
    })
    void generalHolidays(LocalDate date, String name) {
        assertTrue(DutchCalendar.isGeneralHoliday(date), name);
        assertFalse(DutchCalendar.isWorkingDay(date, DECREE), name);
    }

    @ParameterizedTest
    @CsvSource({
            "2025-04-27, the Sunday Koningsdag moved away from",
            "2026-04-26, the day before Koningsdag 2026",
            "2026-05-04, Dodenherdenking is no holiday",
            "2026-12-24, Kerstavond",
            "2026-12-31, Oudejaarsdag",
            "2026-04-02, Witte Donderdag",
            "2014-04-30, Queen's birthday after the change to Koningsdag",
            "2006-04-30, the Sunday Koninginnedag 2006 moved away from"
    })
    void ordinaryDays(LocalDate date, String name) {
        assertFalse(DutchCalendar.isGeneralHoliday(date), name);
    }

    @Test
    void weekendsAreNoWorkingDaysButNoHolidaysEither() {
        LocalDate saturday = LocalDate.of(2026, 3, 28);
        LocalDate sunday = LocalDate.of(2026, 3, 29);
        assertFalse(DutchCalendar.isWorkingDay(saturday, DECREE));
        assertFalse(DutchCalendar.isWorkingDay(sunday, DECREE));
        assertFalse(DutchCalendar.isGeneralHoliday(saturday));
        assertFalse(DutchCalendar.isGeneralHoliday(sunday));
        assertTrue(DutchCalendar.isWorkingDay(LocalDate.of(2026, 3, 30), DECREE));
    }

    @ParameterizedTest
    @CsvSource({
            "2026-04-08, 2026-04-08, a Wednesday stays",
            "2026-03-28, 2026-03-30, Saturday to Monday",
            "2026-04-03, 2026-04-07, Goede Vrijdag over Easter to Tuesday",
            "2025-04-26, 2025-04-28, Koningsdag on Saturday to Monday",
            "2026-05-14, 2026-05-18, Hemelvaartsdag over the equated Friday and the weekend to Monday",
            "2026-05-13, 2026-05-13, the Wednesday before Hemelvaartsdag stays",
            "2026-05-15, 2026-05-18, the equated Friday after Hemelvaartsdag to Monday",
            "2026-01-01, 2026-01-05, Nieuwjaarsdag over the equated 2 January and the weekend to Monday",
            "2026-01-02, 2026-01-05, the equated 2 January to Monday",
            "2028-04-27, 2028-05-01, Koningsdag 2028 over the equated Friday to Monday",
            "2028-05-25, 2028-05-29, Hemelvaartsdag 2028 over the equated Friday to Monday",
            "2026-05-23, 2026-05-26, Saturday before Pinksteren to Tuesday",
            "2026-12-25, 2026-12-28, Christmas on Friday to Monday",
            "2027-12-25, 2027-12-27, Christmas on Saturday to Monday",
            "2027-01-01, 2027-01-04, Nieuwjaarsdag on Friday to Monday",
            "2027-05-05, 2027-05-10, Bevrijdingsdag, Hemelvaartsdag and the equated Friday to Monday"
    })
    void onOrNextWorkingDay(LocalDate date, LocalDate expected, String why) {
        assertEquals(expected, DutchCalendar.onOrNextWorkingDay(date, DECREE), why);
    }

    @Test
    void anEquatedDayIsNoWorkingDayButNoGeneralHolidayEither() {
        LocalDate friday = LocalDate.of(2026, 5, 15);
        assertFalse(DutchCalendar.isGeneralHoliday(friday), "lid 3 days are not lid 1 holidays");
        assertFalse(DutchCalendar.isWorkingDay(friday, DECREE));
        assertTrue(DutchCalendar.isWorkingDay(friday, EquatedDays.NONE), "only the decree makes it one");
        assertTrue(DutchCalendar.isWorkingDay(LocalDate.of(2026, 5, 18), DECREE));
    }

    @Test
    void withoutTheDecreeAscensionDay2026MovesToTheFridayOnly() {
        assertEquals(LocalDate.of(2026, 5, 15), DutchCalendar.onOrNextWorkingDay(LocalDate.of(2026, 5, 14),
                EquatedDays.NONE));
    }

    @Test
    void aDayTheListDoesNotNameCountsAsAWorkingDay() {
        // 2029's decree is not entered: the Friday after Ascension Day 2029 (11 May) is a working day until it is.
        assertEquals(LocalDate.of(2029, 5, 11), DutchCalendar.onOrNextWorkingDay(LocalDate.of(2029, 5, 10), DECREE));
        assertEquals(LocalDate.of(2029, 5, 14), DutchCalendar.onOrNextWorkingDay(LocalDate.of(2029, 5, 10),
                EquatedDays.of(LocalDate.of(2029, 5, 11))));
    }
}
