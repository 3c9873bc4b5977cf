package nl.preventiefonds.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class RetentionRuleTest {
    private static final LocalDate DETERMINED = LocalDate.of(2026, 3, 10);

    @Test
    void sevenYearsAfterTheLastFactTheTermEndsAndTheNextDayAnonymisationIsAllowed() {
        assertEquals(LocalDate.of(2033, 3, 10), RetentionRule.endsAfter(DETERMINED));
        RetentionRule.Standing lastDay = RetentionRule.assess(DETERMINED, false, LocalDate.of(2033, 3, 10));
        assertEquals(RetentionRule.Verdict.RUNNING_TERM, lastDay.verdict());
        assertFalse(lastDay.mayAnonymise());
        assertEquals(LocalDate.of(2033, 3, 10), lastDay.endsAfter());
        RetentionRule.Standing dayAfter = RetentionRule.assess(DETERMINED, false, LocalDate.of(2033, 3, 11));
        assertEquals(RetentionRule.Verdict.ENDED, dayAfter.verdict());
        assertTrue(dayAfter.mayAnonymise());
    }

    @Test
    void oneYearAfterADeterminationTheTermStillRuns() {
        RetentionRule.Standing standing = RetentionRule.assess(DETERMINED, false, DETERMINED.plusYears(1));
        assertFalse(standing.mayAnonymise());
        assertEquals(DETERMINED, standing.lastFact());
    }

    @Test
    void anOpenMatterBlocksWhateverTheDates() {
        RetentionRule.Standing standing = RetentionRule.assess(LocalDate.of(2001, 1, 1), true, LocalDate.of(2040, 1, 1));
        assertEquals(RetentionRule.Verdict.MATTER_OPEN, standing.verdict());
        assertFalse(standing.mayAnonymise());
        assertNull(standing.endsAfter());
    }

    @Test
    void theLastDayAgreesWithTheCheckAroundLeapDays() {
        // 29 February + 7 years has no 29 February; 28 February 2021 - 7 years back from 29 February 2028 differs.
        for (LocalDate fact : new LocalDate[] {LocalDate.of(2024, 2, 29), LocalDate.of(2021, 2, 28),
                LocalDate.of(2021, 3, 1), LocalDate.of(2020, 12, 31)}) {
            LocalDate last = RetentionRule.endsAfter(fact);
            assertFalse(RetentionRule.ended(fact, last), fact + " still kept on " + last);
            assertTrue(RetentionRule.ended(fact, last.plusDays(1)), fact + " ended the day after " + last);
        }
        assertEquals(LocalDate.of(2031, 2, 28), RetentionRule.endsAfter(LocalDate.of(2024, 2, 29)));
    }

    @Test
    void anAccountAlwaysHasAFactToCountFrom() {
        assertThrows(NullPointerException.class, () -> RetentionRule.assess(null, false, DETERMINED));
    }
}
