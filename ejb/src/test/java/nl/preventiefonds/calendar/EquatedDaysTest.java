package nl.preventiefonds.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.OptionalInt;
import java.util.TreeSet;
import nl.preventiefonds.platform.Problem;
import org.junit.jupiter.api.Test;

class EquatedDaysTest {
    private static final EquatedDays DECREE = KnownEquatedDays.DECREE_2026_2028;

    @Test
    void theListReachesTheYearOfItsLastDayAndNoFurther() {
        assertEquals(OptionalInt.of(2028), DECREE.lastYear());
        assertTrue(DECREE.reaches(2026));
        assertTrue(DECREE.reaches(2028));
        assertFalse(DECREE.reaches(2029));
        assertTrue(DECREE.reaches(2020), "a year before the list has nothing to add");
    }

    @Test
    void anEmptyListReachesNoYear() {
        assertEquals(OptionalInt.empty(), EquatedDays.NONE.lastYear());
        assertFalse(EquatedDays.NONE.reaches(2026));
        assertEquals(List.of(2026, 2027), EquatedDays.NONE.notReached(List.of(2027, 2026, 2027)));
    }

    @Test
    void theYearsNotReachedAreSortedAndNamedOnce() {
        assertEquals(List.of(2029, 2030), DECREE.notReached(List.of(2030, 2027, 2029, 2028, 2030)));
        assertEquals(List.of(), DECREE.notReached(List.of(2027, 2028)));
    }

    @Test
    void theListIsACopyThatCannotChangeUnderneath() {
        TreeSet<LocalDate> days = new TreeSet<>(List.of(LocalDate.of(2026, 5, 15)));
        EquatedDays equated = new EquatedDays(days);
        days.add(LocalDate.of(2026, 1, 2));
        assertFalse(equated.contains(LocalDate.of(2026, 1, 2)));
        assertTrue(equated.contains(LocalDate.of(2026, 5, 15)));
    }

    @Test
    void onlyAWeekdayThatIsNoHolidayCanBeEquated() {
        assertEquals(List.of(), EquatedDayAdministration.check(LocalDate.of(2029, 5, 11)));
        assertEquals("equatedDay.noWorkingDay", key(LocalDate.of(2029, 5, 12)), "Saturday");
        assertEquals("equatedDay.noWorkingDay", key(LocalDate.of(2029, 5, 13)), "Sunday");
        assertEquals("equatedDay.noWorkingDay", key(LocalDate.of(2029, 5, 10)), "Ascension Day itself");
        assertEquals("equatedDay.dateRequired", key(null));
    }

    @Test
    void aDateOutsideTheWindowIsATypingError() {
        assertEquals(List.of(), EquatedDayAdministration.check(LocalDate.of(2000, 1, 3)));
        assertEquals(List.of(), EquatedDayAdministration.check(LocalDate.of(2100, 12, 31)));
        assertEquals("equatedDay.yearOutOfRange", key(LocalDate.of(1999, 12, 31)));
        assertEquals("equatedDay.yearOutOfRange", key(LocalDate.of(2101, 1, 3)));
    }

    private static String key(LocalDate day) {
        List<Problem> problems = EquatedDayAdministration.check(day);
        assertEquals(1, problems.size(), problems::toString);
        return problems.get(0).key();
    }
}
