package nl.preventiefonds.monitoring;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import nl.preventiefonds.platform.Problem;

/** Checks a report before it is stored; every broken rule is reported at once, with the row it is on. */
public final class ReportRules {
    static final int MAX_REACH = 1_000_000;
    static final int MAX_NARRATIVE = 8000;
    static final int MAX_NOTE = 2000;
    static final int MAX_NAME = 200;
    static final int MAX_INDICATORS = 50;
    static final BigDecimal MAX_MONEY = new BigDecimal("9999999999999.99");

    private ReportRules() {
    }

    /**
     * @param reportableActivityIds the activities this reporter may report on (a partner: only those it delivers)
     * @param budgetLineIds         the cost lines that need actual spending, when the report is financial
     */
    public static List<Problem> check(ReportForm form, Set<Long> reportableActivityIds, boolean finalReport,
                                      boolean financial, Set<Long> budgetLineIds, boolean accountantStatementNeeded,
                                      int attachmentCount) {
        List<Problem> problems = new ArrayList<>();
        String narrative = form.getNarrative() == null ? "" : form.getNarrative().strip();
        if (finalReport && narrative.isEmpty()) {
            problems.add(Problem.of("report.narrativeRequired"));
        }
        if (narrative.length() > MAX_NARRATIVE) {
            problems.add(Problem.of("field.tooLong", "field.narrative", MAX_NARRATIVE));
        }
        Set<Long> seen = new HashSet<>();
        int row = 0;
        for (ReportForm.ActivityResult result : form.getActivities()) {
            row++;
            if (result == null || result.getActivityId() == null
                    || !reportableActivityIds.contains(result.getActivityId())) {
                problems.add(Problem.of("report.activityNotYours", row));
                continue;
            }
            if (!seen.add(result.getActivityId())) {
                problems.add(Problem.of("report.activityTwice", row));
            }
            checkReach(problems, row, "field.participants", result.getParticipants());
            checkReach(problems, row, "field.sessions", result.getSessions());
            checkReach(problems, row, "field.volunteers", result.getVolunteers());
            if (result.getNote() != null && result.getNote().strip().length() > MAX_NOTE) {
                problems.add(Problem.of("report.rowTooLong", row, "field.note", MAX_NOTE));
            }
        }
        if (!reportableActivityIds.isEmpty() && seen.isEmpty()) {
            problems.add(Problem.of("report.reachRequired"));
        }
        if (form.getIndicators().size() > MAX_INDICATORS) {
            problems.add(Problem.of("report.tooManyIndicators", MAX_INDICATORS));
        }
        row = 0;
        for (ReportForm.Indicator indicator : form.getIndicators()) {
            row++;
            if (indicator == null) {
                continue; // an empty row, as the page may send
            }
            boolean noName = indicator.getName() == null || indicator.getName().isBlank();
            if (noName && indicator.getValue() == null) {
                continue; // an empty row the page added
            }
            if (noName || indicator.getValue() == null) {
                problems.add(Problem.of("report.indicatorIncomplete", row));
            } else if (indicator.getName().strip().length() > MAX_NAME) {
                problems.add(Problem.of("report.rowTooLong", row, "field.indicator", MAX_NAME));
            }
            if (indicator.getValue() != null && (indicator.getValue().scale() > 2
                    && indicator.getValue().stripTrailingZeros().scale() > 2
                    || indicator.getValue().abs().compareTo(MAX_MONEY) > 0)) {
                problems.add(Problem.of("report.indicatorValueInvalid", row));
            }
        }
        if (financial) {
            Set<Long> reported = new HashSet<>();
            row = 0;
            for (ReportForm.Spending spending : form.getSpending()) {
                row++;
                if (spending == null || spending.getBudgetLineId() == null
                        || !budgetLineIds.contains(spending.getBudgetLineId())) {
                    problems.add(Problem.of("report.budgetLineUnknown", row));
                    continue;
                }
                BigDecimal spent = spending.getSpent();
                if (spent == null) {
                    problems.add(Problem.of("report.spentRequired", row));
                } else if (spent.signum() < 0 || spent.stripTrailingZeros().scale() > 2
                        || spent.compareTo(MAX_MONEY) > 0) {
                    problems.add(Problem.of("report.spentInvalid", row));
                } else {
                    reported.add(spending.getBudgetLineId());
                }
            }
            if (!reported.containsAll(budgetLineIds) && problems.stream()
                    .noneMatch(p -> p.key().startsWith("report.spent"))) {
                problems.add(Problem.of("report.spendingIncomplete"));
            }
        }
        if (accountantStatementNeeded && attachmentCount == 0) {
            problems.add(Problem.of("report.accountantStatementRequired"));
        }
        return problems;
    }

    private static void checkReach(List<Problem> problems, int row, String field, Integer value) {
        if (value == null) {
            problems.add(Problem.of("report.reachMissing", row, field));
        } else if (value < 0 || value > MAX_REACH) {
            problems.add(Problem.of("report.reachInvalid", row, field, MAX_REACH));
        }
    }
}
