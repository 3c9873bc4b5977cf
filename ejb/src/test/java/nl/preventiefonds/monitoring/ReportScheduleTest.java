package nl.preventiefonds.monitoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import nl.preventiefonds.calendar.EquatedDays;
import nl.preventiefonds.calendar.KnownEquatedDays;
import nl.preventiefonds.call.ReportKind;
import org.junit.jupiter.api.Test;

class ReportScheduleTest {
    private static final EquatedDays DECREE = KnownEquatedDays.DECREE_2026_2028;
    private static final LocalDate START = LocalDate.of(2027, 1, 4);
    private static final LocalDate END = LocalDate.of(2028, 3, 31);
    private static final LocalDate FINAL_DUE = END.plusWeeks(13);
    private static final LocalDate DECIDED = LocalDate.of(2026, 12, 1);

    @Test
    void directTierAsksNothing() {
        assertTrue(ReportSchedule.plan(ReportKind.NONE, START, END, null, List.of(1L), DECIDED, DECREE).isEmpty());
    }

    @Test
    void progressEverySixMonthsWhileRunningThenFinalForOrganiserAndEachPartner() {
        List<ReportSchedule.Planned> plan = ReportSchedule.plan(ReportKind.ACTIVITY_REPORT, START, END, FINAL_DUE,
                List.of(11L, 12L), DECIDED, DECREE);
        // Marks 4 July 2027 and 4 January 2028 lie before the end; 4 July 2028 does not.
        List<ReportSchedule.Planned> progress = plan.stream().filter(p -> p.purpose() == ReportPurpose.PROGRESS)
                .toList();
        assertEquals(6, progress.size());
        assertEquals(LocalDate.of(2027, 7, 19), progress.get(0).dueOn()); // 18 July is a Sunday
        assertEquals(LocalDate.of(2028, 1, 18), progress.get(3).dueOn());
        List<ReportSchedule.Planned> finals = plan.stream().filter(p -> p.purpose() == ReportPurpose.FINAL).toList();
        assertEquals(3, finals.size());
        assertEquals(new ReportSchedule.Planned(ReportPurpose.FINAL, null, FINAL_DUE), finals.get(0));
        assertEquals(FINAL_DUE.minusWeeks(4), finals.get(1).dueOn());
        assertEquals(11L, finals.get(1).partnerId());
    }

    @Test
    void shortInitiativeGetsOnlyAFinalReport() {
        List<ReportSchedule.Planned> plan = ReportSchedule.plan(ReportKind.ACTIVITY_AND_FINANCIAL_REPORT, START,
                START.plusMonths(5), START.plusMonths(5).plusWeeks(13), List.of(), DECIDED, DECREE);
        assertEquals(1, plan.size());
        assertEquals(ReportPurpose.FINAL, plan.get(0).purpose());
    }

    @Test
    void progressMomentsBeforeTheDecisionAreNotAskedForAfterwards() {
        LocalDate lateDecision = LocalDate.of(2027, 9, 1);
        List<ReportSchedule.Planned> plan = ReportSchedule.plan(ReportKind.ACTIVITY_REPORT, START, END, FINAL_DUE,
                List.of(), lateDecision, DECREE);
        assertEquals(List.of(LocalDate.of(2028, 1, 18), FINAL_DUE),
                plan.stream().map(ReportSchedule.Planned::dueOn).toList());
    }

    @Test
    void noReportIsDueSoonerThanTwoWeeksAfterTheDecision() {
        LocalDate decided = FINAL_DUE.minusDays(3);
        List<ReportSchedule.Planned> plan = ReportSchedule.plan(ReportKind.ACTIVITY_REPORT, START, END, FINAL_DUE,
                List.of(5L), decided, DECREE);
        assertTrue(plan.stream().allMatch(p -> !p.dueOn().isBefore(decided.plusDays(14))));
    }

    @Test
    void aProgressReportOpensOnItsMarkAndAFinalReportTheDayAfterTheActivitiesEnd() {
        // Due 19 July 2027 (the mark 4 July plus 14 days, moved off Sunday 18 July): opens on the mark itself.
        assertEquals(LocalDate.of(2027, 7, 4), ReportSchedule.opensOn(ReportPurpose.PROGRESS, START, END,
                LocalDate.of(2027, 7, 19)));
        assertEquals(LocalDate.of(2028, 1, 4), ReportSchedule.opensOn(ReportPurpose.PROGRESS, START, END,
                LocalDate.of(2028, 1, 18)));
        // A start on the 31st: plan() steps 31 Aug, 28 Feb, 28 Aug; the opening day follows the same steps.
        LocalDate lastDay = LocalDate.of(2026, 8, 31);
        assertEquals(LocalDate.of(2027, 8, 28), ReportSchedule.opensOn(ReportPurpose.PROGRESS, lastDay,
                LocalDate.of(2028, 6, 30), LocalDate.of(2027, 9, 13)));
        assertEquals(END.plusDays(1), ReportSchedule.opensOn(ReportPurpose.FINAL, START, END, FINAL_DUE));
        assertEquals(END.plusDays(1), ReportSchedule.opensOn(ReportPurpose.FINAL, START, END,
                FINAL_DUE.minusWeeks(4)), "a partner's final report opens on the same day");
        // Never after the due date, e.g. when the due date was brought forward to the minimum notice.
        assertEquals(END.minusDays(3), ReportSchedule.opensOn(ReportPurpose.FINAL, START, END, END.minusDays(3)));
        assertEquals(FINAL_DUE, ReportSchedule.opensOn(ReportPurpose.FINAL, START, null, FINAL_DUE));
    }

    @Test
    void everyPlannedReportOpensOnOrBeforeItIsDue() {
        for (ReportSchedule.Planned planned : ReportSchedule.plan(ReportKind.ACTIVITY_REPORT, START, END, FINAL_DUE,
                List.of(11L), DECIDED, DECREE)) {
            LocalDate opens = ReportSchedule.opensOn(planned.purpose(), START, END, planned.dueOn());
            assertTrue(!opens.isAfter(planned.dueOn()) && opens.isAfter(START), planned + " opens " + opens);
        }
    }
}
