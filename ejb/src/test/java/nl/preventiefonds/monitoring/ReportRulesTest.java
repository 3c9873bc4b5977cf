package nl.preventiefonds.monitoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import nl.preventiefonds.platform.Problem;
import org.junit.jupiter.api.Test;

class ReportRulesTest {
    private static List<String> keys(List<Problem> problems) {
        return problems.stream().map(Problem::key).toList();
    }

    private static ReportForm form(ReportForm.ActivityResult... results) {
        ReportForm form = new ReportForm();
        form.setNarrative("Goed gegaan.");
        form.setActivities(new ArrayList<>(java.util.Arrays.asList(results)));
        return form;
    }

    @Test
    void aCompleteActivityReportPasses() {
        assertEquals(List.of(), ReportRules.check(form(new ReportForm.ActivityResult(1L, 10, 4, 2)), Set.of(1L),
                true, false, Set.of(), false, 0));
    }

    @Test
    void anotherReportersActivityAndAMissingCountAreNamedWithTheirRow() {
        List<Problem> problems = ReportRules.check(form(new ReportForm.ActivityResult(1L, null, 4, 2),
                new ReportForm.ActivityResult(9L, 1, 1, 1)), Set.of(1L), false, false, Set.of(), false, 0);
        assertEquals(List.of("report.reachMissing", "report.activityNotYours"), keys(problems));
        assertEquals(1, problems.get(0).args().get(0));
        assertEquals(2, problems.get(1).args().get(0));
    }

    @Test
    void emptyRowsAsJsonNullsAreProblemsOrSkippedNeverAnError() {
        ReportForm form = form(new ReportForm.ActivityResult(1L, 3, 1, 0), null);
        form.getIndicators().add(null);
        form.getSpending().add(null);
        List<Problem> problems = ReportRules.check(form, Set.of(1L), false, true, Set.of(5L), false, 0);
        assertEquals(List.of("report.activityNotYours", "report.budgetLineUnknown", "report.spendingIncomplete"),
                keys(problems));
    }

    @Test
    void theFinalReportNeedsANarrativeAndTheTopTierAStatement() {
        ReportForm form = form(new ReportForm.ActivityResult(1L, 3, 1, 0));
        form.setNarrative("  ");
        assertEquals(List.of("report.narrativeRequired", "report.accountantStatementRequired"),
                keys(ReportRules.check(form, Set.of(1L), true, false, Set.of(), true, 0)));
    }

    @Test
    void spendingHasCentsAtMostAndEveryCostLine() {
        ReportForm form = form(new ReportForm.ActivityResult(1L, 3, 1, 0));
        form.getSpending().add(new ReportForm.Spending(5L, new BigDecimal("10.005")));
        assertTrue(keys(ReportRules.check(form, Set.of(1L), false, true, Set.of(5L, 6L), false, 0))
                .contains("report.spentInvalid"));
        form.getSpending().set(0, new ReportForm.Spending(5L, new BigDecimal("10.50")));
        assertEquals(List.of("report.spendingIncomplete"),
                keys(ReportRules.check(form, Set.of(1L), false, true, Set.of(5L, 6L), false, 0)));
    }
}
