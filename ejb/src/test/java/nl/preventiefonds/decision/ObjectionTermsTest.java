package nl.preventiefonds.decision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import nl.preventiefonds.calendar.EquatedDays;
import nl.preventiefonds.calendar.KnownEquatedDays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ObjectionTermsTest {
    private static final EquatedDays DECREE = KnownEquatedDays.DECREE_2026_2028;

    @Test
    void sixWeeksToObjectMovedOffWeekendsAndHolidays() {
        assertEquals(LocalDate.of(2027, 1, 4), ObjectionTerms.objectionDeadline(LocalDate.of(2026, 11, 23), DECREE));
        // 14 November 2026 + 6 weeks = Saturday 26 December -> Monday 28 December
        assertEquals(LocalDate.of(2026, 12, 28), ObjectionTerms.objectionDeadline(LocalDate.of(2026, 11, 14), DECREE));
    }

    @ParameterizedTest
    @CsvSource({
            "2026-11-16, 2026-12-28, Monday: six weeks end on an ordinary Monday",
            "2026-11-13, 2026-12-28, Friday: six weeks end on Christmas Day, then the weekend",
            "2026-11-20, 2027-01-04, Friday: six weeks end on Nieuwjaarsdag, then the weekend",
            "2027-03-16, 2027-04-28, Tuesday: six weeks end on Koningsdag 2027",
            "2027-02-26, 2027-04-09, Friday: six weeks end on an ordinary Friday",
            "2027-02-27, 2027-04-12, Saturday: six weeks end on a Saturday"
    })
    void theObjectionDeadlineFromTheDayTheDecisionWasSent(LocalDate sentOn, LocalDate deadline, String why) {
        assertEquals(deadline, ObjectionTerms.objectionDeadline(sentOn, DECREE), why);
    }

    @Test
    void theObjectionIsDecidedSixWeeksAfterTheObjectionTerm() {
        LocalDate deadline = LocalDate.of(2027, 1, 4);
        assertEquals(LocalDate.of(2027, 2, 15), ObjectionTerms.decideBy(deadline, LocalDate.of(2026, 12, 1), DECREE),
                "on time: counted from the end of the objection term (Awb 7:10)");
        assertEquals(LocalDate.of(2027, 3, 1), ObjectionTerms.decideBy(deadline, LocalDate.of(2027, 1, 18), DECREE),
                "late: counted from receipt");
    }

    @Test
    void anObjectionReceivedOnTheDeadlineDayIsOnTimeAndTheDayAfterIsLate() {
        LocalDate deadline = LocalDate.of(2027, 1, 4);
        assertTrue(ObjectionTerms.isOnTime(deadline, LocalDate.of(2026, 11, 24)));
        assertTrue(ObjectionTerms.isOnTime(deadline, LocalDate.of(2027, 1, 3)));
        assertTrue(ObjectionTerms.isOnTime(deadline, deadline));
        assertFalse(ObjectionTerms.isOnTime(deadline, LocalDate.of(2027, 1, 5)));
        // received on the deadline day: counted from the end of the term, as any objection on time
        assertEquals(LocalDate.of(2027, 2, 15), ObjectionTerms.decideBy(deadline, deadline, DECREE));
        assertEquals(LocalDate.of(2027, 2, 15), ObjectionTerms.decideBy(deadline, LocalDate.of(2027, 1, 3), DECREE));
        // received the day after: counted from receipt, one day later
        assertEquals(LocalDate.of(2027, 2, 16), ObjectionTerms.decideBy(deadline, LocalDate.of(2027, 1, 5), DECREE));
    }

    @Test
    void aDeadlineMovedOffAHolidayStillEndsTheTermOnTheMovedDay() {
        // sent Friday 13 November 2026: the term ends on Monday 28 December, not on Christmas Day
        LocalDate deadline = ObjectionTerms.objectionDeadline(LocalDate.of(2026, 11, 13), DECREE);
        assertEquals(LocalDate.of(2026, 12, 28), deadline);
        assertTrue(ObjectionTerms.isOnTime(deadline, LocalDate.of(2026, 12, 28)));
        assertFalse(ObjectionTerms.isOnTime(deadline, LocalDate.of(2026, 12, 29)));
    }

    @ParameterizedTest
    @CsvSource({
            "2027-01-04, 2027-01-16, 2027-03-01, late on a Saturday: six weeks end on a Saturday",
            "2027-01-04, 2027-01-17, 2027-03-01, late on a Sunday: six weeks end on a Sunday",
            "2026-11-13, 2026-11-13, 2026-12-28, six weeks after the term end on Christmas Day",
            "2026-11-20, 2026-11-02, 2027-01-04, six weeks after the term end on Nieuwjaarsdag",
            "2027-03-16, 2027-03-01, 2027-04-28, six weeks after the term end on Koningsdag",
            "2027-03-16, 2027-03-17, 2027-04-28, late the day after: six weeks end the day after Koningsdag"
    })
    void aDecideByDateInAWeekendOrOnAHolidayMovesToTheNextWorkingDay(LocalDate deadline, LocalDate received,
                                                                        LocalDate decideBy, String why) {
        assertEquals(decideBy, ObjectionTerms.decideBy(deadline, received, DECREE), why);
    }

    @Test
    void anObjectionTermEndingOnAscensionDay2026RunsToTheMondayAfterTheEquatedFriday() {
        // sent Thursday 2 April 2026: six weeks end on Thursday 14 May, Ascension Day; Friday 15 May is equated
        assertEquals(LocalDate.of(2026, 5, 18), ObjectionTerms.objectionDeadline(LocalDate.of(2026, 4, 2), DECREE));
        assertEquals(LocalDate.of(2026, 5, 18), ObjectionTerms.objectionDeadline(LocalDate.of(2026, 4, 3), DECREE),
                "ending on the equated Friday itself");
        assertEquals(LocalDate.of(2026, 5, 13), ObjectionTerms.objectionDeadline(LocalDate.of(2026, 4, 1), DECREE),
                "the Wednesday before stays");
    }

    @Test
    void aDecisionOnAnObjectionDueOnAnEquatedDayMovesToo() {
        // the objection term ended on Monday 30 March 2026; six weeks later is Monday 11 May, a working day
        assertEquals(LocalDate.of(2026, 5, 11), ObjectionTerms.decideBy(LocalDate.of(2026, 3, 30),
                LocalDate.of(2026, 3, 1), DECREE));
        // received late on Friday 3 April: six weeks end on the equated Friday 15 May
        assertEquals(LocalDate.of(2026, 5, 18), ObjectionTerms.decideBy(LocalDate.of(2026, 3, 30),
                LocalDate.of(2026, 4, 3), DECREE));
    }
}
