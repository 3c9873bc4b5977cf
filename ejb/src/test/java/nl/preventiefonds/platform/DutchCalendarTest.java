package nl.preventiefonds.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class DutchCalendarTest {

    @Test
    void easterSundayOfKnownYears() {
        assertEquals(LocalDate.of(2024, 3, 31), DutchCalendar.easterSunday(2024));
        assertEquals(LocalDate.of(2025, 4, 20), DutchCalendar.easterSunday(2025));
        assertEquals(LocalDate.of(2026, 4, 5), DutchCalendar.easterSunday(2026));
        assertEquals(LocalDate.of(2027, 3, 28), DutchCalendar.easterSunday(2027));
        assertEquals(LocalDate.of(2038, 4, 25), DutchCalendar.easterSunday(2038));
    }

    @Test
    void generalHolidaysOfTheAlgemeneTermijnenwet() {
        assertTrue(DutchCalendar.isGeneralHoliday(LocalDate.of(2026, 1, 1)));
        assertTrue(DutchCalendar.isGeneralHoliday(LocalDate.of(2026, 4, 3)), "Good Friday");
        assertTrue(DutchCalendar.isGeneralHoliday(LocalDate.of(2026, 4, 6)), "Easter Monday");
        assertTrue(DutchCalendar.isGeneralHoliday(LocalDate.of(2026, 5, 14)), "Ascension Day");
        assertTrue(DutchCalendar.isGeneralHoliday(LocalDate.of(2026, 5, 25)), "Whit Monday");
        assertTrue(DutchCalendar.isGeneralHoliday(LocalDate.of(2026, 4, 27)), "King's Day");
        assertTrue(DutchCalendar.isGeneralHoliday(LocalDate.of(2025, 4, 26)), "King's Day a day early: 27 April 2025 is a Sunday");
        assertFalse(DutchCalendar.isGeneralHoliday(LocalDate.of(2025, 4, 28)));
        assertTrue(DutchCalendar.isGeneralHoliday(LocalDate.of(2027, 5, 5)), "5 May counts every year for this law");
        assertTrue(DutchCalendar.isGeneralHoliday(LocalDate.of(2026, 12, 26)));
        assertFalse(DutchCalendar.isGeneralHoliday(LocalDate.of(2026, 12, 31)));
    }

    @Test
    void nextWorkingDaySkipsWeekendsAndHolidays() {
        assertEquals(LocalDate.of(2026, 11, 23), DutchCalendar.onOrNextWorkingDay(LocalDate.of(2026, 11, 21)));
        assertEquals(LocalDate.of(2026, 11, 24), DutchCalendar.onOrNextWorkingDay(LocalDate.of(2026, 11, 24)));
        // Saturday 25 December 2027 -> Sunday -> 26 Dec (holiday, Sunday) -> Monday 27 December
        assertEquals(LocalDate.of(2027, 12, 27), DutchCalendar.onOrNextWorkingDay(LocalDate.of(2027, 12, 25)));
        // Good Friday 2026 -> weekend -> Easter Monday -> Tuesday 7 April
        assertEquals(LocalDate.of(2026, 4, 7), DutchCalendar.onOrNextWorkingDay(LocalDate.of(2026, 4, 3)));
    }
}
