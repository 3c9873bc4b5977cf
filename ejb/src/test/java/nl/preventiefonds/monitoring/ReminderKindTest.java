package nl.preventiefonds.monitoring;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReminderKindTest {
    private static final LocalDate DUE = LocalDate.of(2027, 3, 31);

    @Test
    void nothingMoreThanTwoWeeksBefore() {
        assertEquals(Optional.empty(), ReminderKind.dueOn(DUE.minusDays(15), DUE, Set.of()));
    }

    @Test
    void upcomingFromTwoWeeksBeforeUpToTheDueDate() {
        assertEquals(Optional.of(ReminderKind.UPCOMING), ReminderKind.dueOn(DUE.minusDays(14), DUE, Set.of()));
        assertEquals(Optional.of(ReminderKind.UPCOMING), ReminderKind.dueOn(DUE, DUE, Set.of()));
    }

    @Test
    void overdueFromTheDayAfter() {
        assertEquals(Optional.of(ReminderKind.OVERDUE), ReminderKind.dueOn(DUE.plusDays(1), DUE,
                EnumSet.of(ReminderKind.UPCOMING)));
    }

    @Test
    void finalNoticeFourWeeksAfter() {
        assertEquals(Optional.of(ReminderKind.FINAL_NOTICE), ReminderKind.dueOn(DUE.plusDays(28), DUE,
                EnumSet.of(ReminderKind.UPCOMING, ReminderKind.OVERDUE)));
        assertEquals(Optional.of(ReminderKind.OVERDUE), ReminderKind.dueOn(DUE.plusDays(27), DUE,
                EnumSet.of(ReminderKind.UPCOMING)));
    }

    @Test
    void neverTheSameKindTwice() {
        assertEquals(Optional.empty(), ReminderKind.dueOn(DUE.minusDays(3), DUE, EnumSet.of(ReminderKind.UPCOMING)));
        assertEquals(Optional.empty(), ReminderKind.dueOn(DUE.plusDays(5), DUE, EnumSet.of(ReminderKind.OVERDUE)));
    }

    @Test
    void aServerDownForAMonthSendsOnlyTheLatestKind() {
        assertEquals(Optional.of(ReminderKind.FINAL_NOTICE), ReminderKind.dueOn(DUE.plusDays(40), DUE, Set.of()));
        assertEquals(Optional.empty(), ReminderKind.dueOn(DUE.plusDays(2), DUE,
                EnumSet.of(ReminderKind.FINAL_NOTICE)));
    }
}
