package nl.preventiefonds.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import nl.preventiefonds.application.DecisionTerm.Suspension;
import org.junit.jupiter.api.Test;

class DecisionTermTest {
    private static final LocalDate MONDAY = LocalDate.of(2026, 11, 23);

    @Test
    void eightWeeksOfCalendarDaysWithoutSuspension() {
        assertEquals(LocalDate.of(2027, 1, 18), DecisionTerm.dueDate(MONDAY, 8, List.of(), MONDAY));
    }

    @Test
    void answeredTenDaysAfterTheRequestSuspendsNineDays() {
        Suspension s = new Suspension(MONDAY.plusDays(3), MONDAY.plusDays(17), MONDAY.plusDays(13));
        assertEquals(9, DecisionTerm.suspendedDays(s, MONDAY.plusDays(20)));
        // 18 January 2027 + 9 days = Wednesday 27 January
        assertEquals(LocalDate.of(2027, 1, 27), DecisionTerm.dueDate(MONDAY, 8, List.of(s), MONDAY.plusDays(20)));
    }

    @Test
    void answeredOnTheDayOfTheRequestSuspendsNothing() {
        Suspension s = new Suspension(MONDAY, MONDAY.plusDays(14), MONDAY);
        assertEquals(0, DecisionTerm.suspendedDays(s, MONDAY));
        assertEquals(LocalDate.of(2027, 1, 18), DecisionTerm.dueDate(MONDAY, 8, List.of(s), MONDAY));
    }

    @Test
    void twoSuspensionsAddUp() {
        Suspension first = new Suspension(MONDAY, MONDAY.plusDays(14), MONDAY.plusDays(5));
        Suspension second = new Suspension(MONDAY.plusDays(10), MONDAY.plusDays(24), MONDAY.plusDays(13));
        // 4 + 2 = 6 days: 18 January + 6 = Sunday 24 January -> Monday 25 January
        assertEquals(LocalDate.of(2027, 1, 25),
                DecisionTerm.dueDate(MONDAY, 8, List.of(first, second), MONDAY.plusDays(30)));
    }

    @Test
    void anUnansweredRequestSuspendsUpToAndIncludingItsDeadline() {
        Suspension s = new Suspension(MONDAY, MONDAY.plusDays(7), null);
        assertTrue(DecisionTerm.isSuspended(List.of(s), MONDAY.plusDays(7)), "still open on the deadline day");
        assertNull(DecisionTerm.dueDate(MONDAY, 8, List.of(s), MONDAY.plusDays(7)));
        assertFalse(DecisionTerm.isSuspended(List.of(s), MONDAY.plusDays(8)));
        assertEquals(7, DecisionTerm.suspendedDays(s, MONDAY.plusDays(30)));
        // Answering after the deadline does not buy more time.
        Suspension late = new Suspension(MONDAY, MONDAY.plusDays(7), MONDAY.plusDays(12));
        assertEquals(7, DecisionTerm.suspendedDays(late, MONDAY.plusDays(30)));
    }

    @Test
    void aDueDateOnAWeekendOrHolidayMovesToTheNextWorkingDay() {
        // Received Friday 30 October 2026: 8 weeks later is Friday 25 December, then 26th and the weekend.
        assertEquals(LocalDate.of(2026, 12, 28), DecisionTerm.dueDate(LocalDate.of(2026, 10, 30), 8, List.of(),
                LocalDate.of(2026, 10, 30)));
        // Received Saturday 7 March 2026 (online, any day): due Saturday 2 May -> Monday 4 May.
        assertEquals(LocalDate.of(2026, 5, 4), DecisionTerm.dueDate(LocalDate.of(2026, 3, 7), 8, List.of(),
                LocalDate.of(2026, 3, 7)));
        // Received 9 March 2026: due Easter Monday's week? 9 March + 4 weeks = 6 April, Easter Monday -> 7 April.
        assertEquals(LocalDate.of(2026, 4, 7), DecisionTerm.dueDate(LocalDate.of(2026, 3, 9), 4, List.of(),
                LocalDate.of(2026, 3, 9)));
    }

    @Test
    void theClockChangeDoesNotShiftDays() {
        // 29 March 2026 has 23 hours in Amsterdam; calendar-day arithmetic is unaffected.
        LocalDate received = LocalDate.of(2026, 3, 20);
        Suspension acrossDst = new Suspension(LocalDate.of(2026, 3, 27), LocalDate.of(2026, 4, 10),
                LocalDate.of(2026, 3, 31));
        assertEquals(3, DecisionTerm.suspendedDays(acrossDst, LocalDate.of(2026, 4, 1)));
        // 20 March + 56 = 15 May, + 3 = Monday 18 May
        assertEquals(LocalDate.of(2026, 5, 18), DecisionTerm.dueDate(received, 8, List.of(acrossDst),
                LocalDate.of(2026, 4, 1)));
    }
}
