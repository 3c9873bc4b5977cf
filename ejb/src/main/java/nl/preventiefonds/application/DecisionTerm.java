package nl.preventiefonds.application;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import nl.preventiefonds.calendar.DutchCalendar;
import nl.preventiefonds.calendar.EquatedDays;

/**
 * The date by which a decision on an application is due (Awb 4:13, 4:15, Algemene termijnenwet).
 *
 * <p>Interpretation:
 * <ul>
 * <li>The term is {@code weeks} calendar weeks from the day of receipt: its last day is
 * {@code receivedOn + 7 * weeks} days; weekends and holidays inside the term count.</li>
 * <li>A request to complete the application (Awb 4:15 lid 1 sub a) suspends the term from the day after the
 * request up to, not including, the day it was answered; an answer after the deadline, or none, ends the
 * suspension when the deadline has passed, so the deadline day itself is still suspended.</li>
 * <li>Days covered by more than one suspension are counted once.</li>
 * <li>While a request is unanswered and its deadline not passed the due date is unknown.</li>
 * <li>A due date on a Saturday, Sunday, general holiday or equated day moves to the next working day
 * (Algemene termijnenwet art. 1).</li>
 * </ul>
 * All arithmetic is on {@link LocalDate}, so clock changes do not shift any date.
 */
public final class DecisionTerm {

    /** A request to complete the application; {@code answeredOn} is null while no answer came. */
    public record Suspension(LocalDate requestedOn, LocalDate answerDeadline, LocalDate answeredOn) {
        public Suspension {
            Objects.requireNonNull(requestedOn, "requestedOn");
            Objects.requireNonNull(answerDeadline, "answerDeadline");
        }
    }

    private DecisionTerm() {
    }

    /** Null while a suspension is still running at {@code today} (not answered and deadline not yet passed). */
    public static LocalDate dueDate(LocalDate receivedOn, int weeks, List<Suspension> suspensions, LocalDate today,
                                    EquatedDays equated) {
        Objects.requireNonNull(receivedOn, "receivedOn");
        Objects.requireNonNull(today, "today");
        if (weeks < 0) {
            throw new IllegalArgumentException("weeks must not be negative: " + weeks);
        }
        List<Suspension> all = suspensions == null ? List.of() : suspensions;
        if (isSuspended(all, today)) {
            return null;
        }
        LocalDate lastDay = receivedOn.plusDays(7L * weeks).plusDays(totalSuspendedDays(all, today));
        return DutchCalendar.onOrNextWorkingDay(lastDay, equated);
    }

    /**
     * Days this suspension stops the term; never negative. While it is still running the count covers the
     * days before {@code today}, since an answer today would end it today.
     */
    public static long suspendedDays(Suspension s, LocalDate today) {
        LocalDate start = s.requestedOn().plusDays(1);
        return Math.max(0, ChronoUnit.DAYS.between(start, end(s, today)));
    }

    /** True while any request is unanswered and its deadline has not yet passed. */
    public static boolean isSuspended(List<Suspension> suspensions, LocalDate today) {
        if (suspensions == null) {
            return false;
        }
        return suspensions.stream().anyMatch(s -> running(s, today));
    }

    private static boolean running(Suspension s, LocalDate today) {
        return s.answeredOn() == null && !today.isAfter(s.answerDeadline());
    }

    /** First day the term runs again. */
    private static LocalDate end(Suspension s, LocalDate today) {
        if (s.answeredOn() != null && !s.answeredOn().isAfter(s.answerDeadline())) {
            return s.answeredOn();
        }
        if (running(s, today)) {
            return today;
        }
        return s.answerDeadline().plusDays(1);
    }

    /** Sum over the union of the suspensions, so an overlap does not stop the term twice. */
    private static long totalSuspendedDays(List<Suspension> suspensions, LocalDate today) {
        List<LocalDate[]> periods = new ArrayList<>();
        for (Suspension s : suspensions) {
            LocalDate start = s.requestedOn().plusDays(1);
            LocalDate end = end(s, today);
            if (end.isAfter(start)) {
                periods.add(new LocalDate[] {start, end});
            }
        }
        periods.sort(Comparator.comparing(p -> p[0]));
        long days = 0;
        LocalDate coveredUntil = LocalDate.MIN;
        for (LocalDate[] p : periods) {
            LocalDate start = p[0].isAfter(coveredUntil) ? p[0] : coveredUntil;
            if (p[1].isAfter(start)) {
                days += ChronoUnit.DAYS.between(start, p[1]);
                coveredUntil = p[1];
            }
        }
        return days;
    }
}
