package nl.preventiefonds.monitoring;

import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;

/** Reminders about a report: two weeks before, the day after, and four weeks after the due date. */
public enum ReminderKind {
    UPCOMING,
    OVERDUE,
    FINAL_NOTICE;

    static final int UPCOMING_DAYS_BEFORE = 14;
    static final int FINAL_NOTICE_DAYS_AFTER = 28;

    /**
     * The one reminder due today for a report due on dueOn, given those already sent for that date; the latest
     * applicable kind wins, so a server that was down for a month sends one final notice, not three mails.
     */
    public static Optional<ReminderKind> dueOn(LocalDate today, LocalDate dueOn, Set<ReminderKind> alreadySent) {
        ReminderKind applicable;
        if (!today.isBefore(dueOn.plusDays(FINAL_NOTICE_DAYS_AFTER))) {
            applicable = FINAL_NOTICE;
        } else if (today.isAfter(dueOn)) {
            applicable = OVERDUE;
        } else if (!today.isBefore(dueOn.minusDays(UPCOMING_DAYS_BEFORE))) {
            applicable = UPCOMING;
        } else {
            return Optional.empty();
        }
        // A later kind already sent makes the earlier ones pointless.
        for (ReminderKind sent : alreadySent) {
            if (sent.ordinal() >= applicable.ordinal()) {
                return Optional.empty();
            }
        }
        return Optional.of(applicable);
    }
}
