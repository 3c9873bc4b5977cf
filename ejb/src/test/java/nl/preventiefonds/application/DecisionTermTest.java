package nl.preventiefonds.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import nl.preventiefonds.application.DecisionTerm.Suspension;
import nl.preventiefonds.calendar.EquatedDays;
import nl.preventiefonds.calendar.KnownEquatedDays;
import org.junit.jupiter.api.Test;

class DecisionTermTest {
    private static final EquatedDays DECREE = KnownEquatedDays.DECREE_2026_2028;
    // Thursday; eight weeks later is Thursday 5 March 2026, an ordinary working day
    private static final LocalDate RECEIVED = LocalDate.of(2026, 1, 8);
    private static final LocalDate LATER = LocalDate.of(2026, 6, 1);

    private static LocalDate date(int year, int month, int day) {
        return LocalDate.of(year, month, day);
    }

    @Test
    void eightWeeksWithoutSuspensionCountCalendarDays() {
        assertEquals(date(2026, 3, 5), DecisionTerm.dueDate(RECEIVED, 8, List.of(), LATER, DECREE));
        assertEquals(date(2026, 3, 5), DecisionTerm.dueDate(RECEIVED, 8, null, LATER, DECREE));
    }

    @Test
    void pauseAndResumeAddsTheDaysFromTheDayAfterTheRequestUntilTheAnswer() {
        // requested Monday 19 January, answered Monday 26 January: suspended 20..25 January = 6 days
        Suspension s = new Suspension(date(2026, 1, 19), date(2026, 2, 2), date(2026, 1, 26));
        assertEquals(6, DecisionTerm.suspendedDays(s, LATER));
        assertEquals(date(2026, 3, 11), DecisionTerm.dueDate(RECEIVED, 8, List.of(s), LATER, DECREE));
    }

    @Test
    void anAnswerOnTheDayOfTheRequestOrTheDayAfterSuspendsNothing() {
        Suspension sameDay = new Suspension(date(2026, 1, 19), date(2026, 2, 2), date(2026, 1, 19));
        Suspension nextDay = new Suspension(date(2026, 1, 19), date(2026, 2, 2), date(2026, 1, 20));
        assertEquals(0, DecisionTerm.suspendedDays(sameDay, LATER));
        assertEquals(0, DecisionTerm.suspendedDays(nextDay, LATER));
        assertEquals(date(2026, 3, 5), DecisionTerm.dueDate(RECEIVED, 8, List.of(sameDay), LATER, DECREE));
        assertEquals(date(2026, 3, 5), DecisionTerm.dueDate(RECEIVED, 8, List.of(nextDay), LATER, DECREE));
    }

    @Test
    void anAnswerDatedBeforeTheRequestNeverGivesNegativeDays() {
        Suspension wrong = new Suspension(date(2026, 1, 19), date(2026, 2, 2), date(2026, 1, 10));
        assertEquals(0, DecisionTerm.suspendedDays(wrong, LATER));
        assertEquals(date(2026, 3, 5), DecisionTerm.dueDate(RECEIVED, 8, List.of(wrong), LATER, DECREE));
    }

    @Test
    void twoSuspensionsAddUp() {
        Suspension first = new Suspension(date(2026, 1, 19), date(2026, 2, 2), date(2026, 1, 26)); // 6 days
        Suspension second = new Suspension(date(2026, 2, 9), date(2026, 2, 23), date(2026, 2, 12)); // 10, 11 Feb
        assertEquals(2, DecisionTerm.suspendedDays(second, LATER));
        // 5 March + 8 days = Friday 13 March
        assertEquals(date(2026, 3, 13), DecisionTerm.dueDate(RECEIVED, 8, List.of(first, second), LATER, DECREE));
        assertEquals(date(2026, 3, 13), DecisionTerm.dueDate(RECEIVED, 8, List.of(second, first), LATER, DECREE));
    }

    @Test
    void overlappingSuspensionsCountEachDayOnce() {
        Suspension first = new Suspension(date(2026, 1, 19), date(2026, 2, 2), date(2026, 1, 26)); // 20..25 Jan
        Suspension second = new Suspension(date(2026, 1, 22), date(2026, 2, 5), date(2026, 1, 28)); // 23..27 Jan
        assertEquals(6, DecisionTerm.suspendedDays(first, LATER));
        assertEquals(5, DecisionTerm.suspendedDays(second, LATER));
        // union 20..27 January = 8 days, not 11: Friday 13 March
        assertEquals(date(2026, 3, 13), DecisionTerm.dueDate(RECEIVED, 8, List.of(first, second), LATER, DECREE));
    }

    @Test
    void anUnansweredRequestSuspendsUpToAndIncludingItsDeadline() {
        // requested 19 January, deadline 2 February passed unanswered: 20 January..2 February = 14 days
        Suspension s = new Suspension(date(2026, 1, 19), date(2026, 2, 2), null);
        LocalDate dayAfterDeadline = date(2026, 2, 3);
        assertEquals(14, DecisionTerm.suspendedDays(s, dayAfterDeadline));
        assertFalse(DecisionTerm.isSuspended(List.of(s), dayAfterDeadline));
        assertEquals(date(2026, 3, 19), DecisionTerm.dueDate(RECEIVED, 8, List.of(s), dayAfterDeadline, DECREE));
    }

    @Test
    void aLateAnswerCountsAsTheDeadlinePassingUnused() {
        Suspension late = new Suspension(date(2026, 1, 19), date(2026, 2, 2), date(2026, 2, 10));
        Suspension none = new Suspension(date(2026, 1, 19), date(2026, 2, 2), null);
        // 20 January up to and including the deadline, 2 February, either way
        assertEquals(14, DecisionTerm.suspendedDays(none, LATER));
        assertEquals(14, DecisionTerm.suspendedDays(late, LATER));
        assertEquals(date(2026, 3, 19), DecisionTerm.dueDate(RECEIVED, 8, List.of(late), LATER, DECREE));
    }

    @Test
    void anAnswerOnTheDeadlineDayEndsTheSuspensionThatDay() {
        Suspension s = new Suspension(date(2026, 1, 19), date(2026, 2, 2), date(2026, 2, 2));
        assertEquals(13, DecisionTerm.suspendedDays(s, LATER));
        assertEquals(date(2026, 3, 18), DecisionTerm.dueDate(RECEIVED, 8, List.of(s), LATER, DECREE));
    }

    @Test
    void aRunningSuspensionLeavesTheDueDateOpen() {
        Suspension running = new Suspension(date(2026, 1, 19), date(2026, 2, 2), null);
        Suspension answered = new Suspension(date(2026, 1, 12), date(2026, 1, 16), date(2026, 1, 14));
        for (LocalDate today : List.of(date(2026, 1, 19), date(2026, 1, 23), date(2026, 2, 2))) {
            assertTrue(DecisionTerm.isSuspended(List.of(answered, running), today), today::toString);
            assertNull(DecisionTerm.dueDate(RECEIVED, 8, List.of(answered, running), today, DECREE), today::toString);
        }
        // so far 20, 21 and 22 January; an answer today would end it today
        assertEquals(3, DecisionTerm.suspendedDays(running, date(2026, 1, 23)));
        assertEquals(0, DecisionTerm.suspendedDays(running, date(2026, 1, 19)));
    }

    @Test
    void nothingIsSuspendedWithoutOpenRequests() {
        Suspension answered = new Suspension(date(2026, 1, 19), date(2026, 2, 2), date(2026, 1, 26));
        assertFalse(DecisionTerm.isSuspended(List.of(), date(2026, 1, 20)));
        assertFalse(DecisionTerm.isSuspended(null, date(2026, 1, 20)));
        assertFalse(DecisionTerm.isSuspended(List.of(answered), date(2026, 1, 20)));
    }

    @Test
    void aDueDateOnSaturdayMovesToMonday() {
        // received Saturday 10 January 2026: eight weeks end on Saturday 7 March
        assertEquals(date(2026, 3, 9), DecisionTerm.dueDate(date(2026, 1, 10), 8, List.of(), LATER, DECREE));
    }

    @Test
    void aDueDateOnAHolidayMovesToTheNextWorkingDay() {
        // eight weeks from Monday 9 February end on Easter Monday 6 April 2026
        assertEquals(date(2026, 4, 7), DecisionTerm.dueDate(date(2026, 2, 9), 8, List.of(), LATER, DECREE));
        // eight weeks from Monday 2 March end on Koningsdag, Monday 27 April 2026
        assertEquals(date(2026, 4, 28), DecisionTerm.dueDate(date(2026, 3, 2), 8, List.of(), LATER, DECREE));
        // eight weeks from 5 February end on Thursday 2 April; one suspended day lands on Goede Vrijdag,
        // and Saturday, Easter Sunday and Easter Monday follow
        Suspension oneDay = new Suspension(date(2026, 2, 9), date(2026, 2, 20), date(2026, 2, 11));
        assertEquals(1, DecisionTerm.suspendedDays(oneDay, LATER));
        assertEquals(date(2026, 4, 7), DecisionTerm.dueDate(date(2026, 2, 5), 8, List.of(oneDay), LATER, DECREE));
    }

    @Test
    void theSummerTimeChangeDoesNotShiftDates() {
        // 29 March 2026 has 23 hours in Amsterdam; counting in days it is just one day
        assertEquals(date(2026, 5, 1), DecisionTerm.dueDate(date(2026, 3, 20), 6, List.of(), LATER, DECREE));
        // suspended on Saturday 28 and Sunday 29 March
        Suspension overTheChange = new Suspension(date(2026, 3, 27), date(2026, 4, 10), date(2026, 3, 30));
        assertEquals(2, DecisionTerm.suspendedDays(overTheChange, LATER));
        // eight weeks from Thursday 26 March end Thursday 21 May; two more days give Saturday 23 May,
        // then Pinksteren (24, 25 May) moves it to Tuesday 26 May
        assertEquals(date(2026, 5, 26), DecisionTerm.dueDate(date(2026, 3, 26), 8, List.of(overTheChange), LATER, DECREE));
    }

    @Test
    void zeroWeeksIsTheDayOfReceiptAndNegativeWeeksAreRefused() {
        assertEquals(RECEIVED, DecisionTerm.dueDate(RECEIVED, 0, List.of(), LATER, DECREE));
        assertThrows(IllegalArgumentException.class, () -> DecisionTerm.dueDate(RECEIVED, -1, List.of(), LATER, DECREE));
        assertThrows(NullPointerException.class, () -> new Suspension(null, date(2026, 1, 2), null));
    }

    @Test
    void aDueDateOnAscensionDay2026MovesOverTheEquatedFridayToMonday() {
        // received Thursday 19 March 2026: eight weeks end on Thursday 14 May, Ascension Day
        assertEquals(date(2026, 5, 18), DecisionTerm.dueDate(date(2026, 3, 19), 8, List.of(), LATER, DECREE));
        assertEquals(date(2026, 5, 15), DecisionTerm.dueDate(date(2026, 3, 19), 8, List.of(), LATER,
                EquatedDays.NONE), "without the decree only the holiday moves it");
    }
}
