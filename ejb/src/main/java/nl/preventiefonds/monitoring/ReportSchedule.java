package nl.preventiefonds.monitoring;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import nl.preventiefonds.call.ReportKind;
import nl.preventiefonds.calendar.DutchCalendar;
import nl.preventiefonds.calendar.EquatedDays;

/**
 * Which reports a grant asks for and when, from its determination tier. Progress reports every six months
 * while the activities run; the final report on the decision's report date. Partners report earlier than the
 * organiser, so the organiser can build on their figures.
 */
public final class ReportSchedule {
    static final int PROGRESS_MONTHS = 6;
    static final int PROGRESS_GRACE_DAYS = 14;
    static final int PARTNER_WEEKS_BEFORE_ORGANISER = 4;
    /** Nobody is asked for a report due sooner than this after the decision. */
    static final int MINIMUM_NOTICE_DAYS = 14;

    private ReportSchedule() {
    }

    /** One report to ask for; partnerId null means the organiser. */
    public record Planned(ReportPurpose purpose, Long partnerId, LocalDate dueOn) {
    }

    /**
     * The first day a report can be filed: a progress report from its six-month mark (the half year it covers
     * is over), a final report from the day after the activities end. Never after its due date. Derived from the
     * due date as {@link #plan} set it, so a due date moved by "more requested" does not apply (that request was
     * open before).
     */
    public static LocalDate opensOn(ReportPurpose purpose, LocalDate start, LocalDate end, LocalDate dueOn) {
        LocalDate opens;
        if (purpose == ReportPurpose.FINAL) {
            opens = end == null ? dueOn : end.plusDays(1);
        } else {
            // The latest mark whose due date this is: due is the mark plus the grace days, moved to a working day.
            LocalDate lastMarkDay = dueOn.minusDays(PROGRESS_GRACE_DAYS);
            opens = lastMarkDay;
            if (start != null) {
                // Stepped as plan() steps, so a mark from the 31st stays where plan() put it.
                for (LocalDate mark = start.plusMonths(PROGRESS_MONTHS); !mark.isAfter(lastMarkDay);
                     mark = mark.plusMonths(PROGRESS_MONTHS)) {
                    opens = mark;
                }
            }
        }
        return opens.isAfter(dueOn) ? dueOn : opens;
    }

    public static List<Planned> plan(ReportKind kind, LocalDate start, LocalDate end, LocalDate finalDueOn,
                                     List<Long> partnerIds, LocalDate decidedOn, EquatedDays equated) {
        List<Planned> planned = new ArrayList<>();
        if (kind == null || kind == ReportKind.NONE || finalDueOn == null) {
            return planned;
        }
        LocalDate earliest = decidedOn.plusDays(MINIMUM_NOTICE_DAYS);
        if (start != null && end != null) {
            for (LocalDate mark = start.plusMonths(PROGRESS_MONTHS); mark.isBefore(end);
                 mark = mark.plusMonths(PROGRESS_MONTHS)) {
                LocalDate due = DutchCalendar.onOrNextWorkingDay(mark.plusDays(PROGRESS_GRACE_DAYS), equated);
                if (due.isBefore(earliest)) {
                    continue; // a progress moment that passed before the decision is not asked for afterwards
                }
                planned.add(new Planned(ReportPurpose.PROGRESS, null, due));
                for (Long partner : partnerIds) {
                    planned.add(new Planned(ReportPurpose.PROGRESS, partner, due));
                }
            }
        }
        LocalDate organiserDue = finalDueOn.isBefore(earliest) ? earliest : finalDueOn;
        planned.add(new Planned(ReportPurpose.FINAL, null, organiserDue));
        LocalDate partnerDue = organiserDue.minusWeeks(PARTNER_WEEKS_BEFORE_ORGANISER);
        if (partnerDue.isBefore(earliest)) {
            partnerDue = earliest;
        }
        partnerDue = DutchCalendar.onOrNextWorkingDay(partnerDue, equated);
        if (partnerDue.isAfter(organiserDue)) {
            partnerDue = organiserDue;
        }
        for (Long partner : partnerIds) {
            planned.add(new Planned(ReportPurpose.FINAL, partner, partnerDue));
        }
        return planned;
    }
}
