package nl.preventiefonds.application;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import nl.preventiefonds.platform.DutchCalendar;

/**
 * The decision term (beslistermijn) of an application, in calendar days (weekends count).
 * <ul>
 * <li>It runs from the day of receipt for the call's number of weeks (Awb 4:13).</li>
 * <li>A request for information suspends it "met ingang van de dag na die waarop de aanvrager
 * is uitgenodigd de aanvraag aan te vullen, tot de dag waarop de aanvraag is aangevuld of de
 * daarvoor gestelde termijn ongebruikt is verstreken" (Awb 4:15): from the day after the request
 * up to, not including, the day of the answer; unanswered, up to and including the deadline.</li>
 * <li>A term ending on a Saturday, Sunday or general holiday moves to the next working day
 * (Algemene termijnenwet art. 1).</li>
 * </ul>
 */
public final class DecisionTerm {
    private DecisionTerm() {
    }

    /** answeredOn null: not answered (yet). */
    public record Suspension(LocalDate requestedOn, LocalDate answerDeadline, LocalDate answeredOn) {
    }

    /** The last day to decide, or null while a suspension is still running on {@code today}. */
    public static LocalDate dueDate(LocalDate receivedOn, int weeks, List<Suspension> suspensions, LocalDate today) {
        if (isSuspended(suspensions, today)) {
            return null;
        }
        long suspended = suspensions.stream().mapToLong(s -> suspendedDays(s, today)).sum();
        return DutchCalendar.onOrNextWorkingDay(receivedOn.plusWeeks(weeks).plusDays(suspended));
    }

    /** Days the term stood still for this request (so far, when it is still open on {@code today}). */
    public static long suspendedDays(Suspension suspension, LocalDate today) {
        LocalDate firstDay = suspension.requestedOn().plusDays(1);
        LocalDate end;
        if (suspension.answeredOn() != null && !suspension.answeredOn().isAfter(suspension.answerDeadline())) {
            end = suspension.answeredOn();
        } else if (suspension.answeredOn() == null && !today.isAfter(suspension.answerDeadline())) {
            end = today;
        } else {
            end = suspension.answerDeadline().plusDays(1);
        }
        return Math.max(0, ChronoUnit.DAYS.between(firstDay, end));
    }

    /** A request is open and its deadline has not passed. */
    public static boolean isSuspended(List<Suspension> suspensions, LocalDate today) {
        return suspensions.stream().anyMatch(s -> s.answeredOn() == null && !today.isAfter(s.answerDeadline()));
    }
}
