package nl.preventiefonds.decision;

import java.time.LocalDate;
import nl.preventiefonds.calendar.DutchCalendar;
import nl.preventiefonds.calendar.EquatedDays;

/**
 * The objection terms of the Awb. The objection term is six weeks from the day after the
 * decision was sent (6:7, 6:8); the body decides within six weeks from the day after that term
 * ended (7:10). Terms ending on a weekend, general holiday or equated day move to the next working day (Atw).
 */
public final class ObjectionTerms {
    private ObjectionTerms() {
    }

    /** The last day an objection is on time, for a decision sent on {@code sentOn}. */
    public static LocalDate objectionDeadline(LocalDate sentOn, EquatedDays equated) {
        return DutchCalendar.onOrNextWorkingDay(sentOn.plusWeeks(6), equated);
    }

    /** On time when received on or before the last day of the term (Awb 6:9 lid 1). */
    public static boolean isOnTime(LocalDate objectionDeadline, LocalDate receivedOn) {
        return !receivedOn.isAfter(objectionDeadline);
    }

    /** The last day to decide on an objection received on {@code receivedOn}. */
    public static LocalDate decideBy(LocalDate objectionDeadline, LocalDate receivedOn, EquatedDays equated) {
        LocalDate termEnd = receivedOn.isAfter(objectionDeadline) ? receivedOn : objectionDeadline;
        return DutchCalendar.onOrNextWorkingDay(termEnd.plusWeeks(6), equated);
    }
}
