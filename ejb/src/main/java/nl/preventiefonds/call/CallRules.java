package nl.preventiefonds.call;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import nl.preventiefonds.platform.Problem;

/** The rules a call's configuration must meet before it is saved. Pure, so unit-tested. */
public final class CallRules {
    private CallRules() {
    }

    public static List<Problem> check(CallForm form) {
        List<Problem> problems = new ArrayList<>();
        if (isBlank(form.getTitle())) {
            problems.add(Problem.of("call.titleRequired"));
        }
        if (form.getOpensAt() == null || form.getClosesAt() == null) {
            problems.add(Problem.of("call.datesRequired"));
        } else if (!form.getClosesAt().isAfter(form.getOpensAt())) {
            problems.add(Problem.of("call.closesBeforeOpens"));
        }
        checkAmounts(form, problems);
        if (form.getDecisionTermWeeks() < 1 || form.getDecisionTermWeeks() > 52) {
            problems.add(Problem.of("call.termWeeksRange"));
        }
        if (form.getBudgetYear() == null) {
            problems.add(Problem.of("call.budgetYearRequired"));
        }
        if (form.getBudget() != null && form.getBudget().signum() < 0) {
            problems.add(Problem.of("call.budgetNegative"));
        } else if (form.getBudget() != null && form.getBudget().scale() > 2) {
            problems.add(Problem.of("money.cents"));
        }
        if (form.getThemes().isEmpty()) {
            problems.add(Problem.of("call.themeRequired"));
        }
        checkCriteria(form, problems);
        checkTiers(form, problems);
        return problems;
    }

    private static void checkAmounts(CallForm form, List<Problem> problems) {
        if (form.getMaxAmount() == null || form.getMinAmount() == null) {
            problems.add(Problem.of("call.amountsRequired"));
            return;
        }
        if (form.getMinAmount().signum() < 0 || form.getMaxAmount().signum() <= 0) {
            problems.add(Problem.of("call.amountsPositive"));
        } else if (form.getMinAmount().compareTo(form.getMaxAmount()) > 0) {
            problems.add(Problem.of("call.minAboveMax"));
        }
        if (form.getMaxAmount().scale() > 2 || form.getMinAmount().scale() > 2) {
            problems.add(Problem.of("money.cents"));
        }
    }

    private static void checkCriteria(CallForm form, List<Problem> problems) {
        if (form.getCriteria().isEmpty()) {
            problems.add(Problem.of("call.criteriaRequired"));
            return;
        }
        for (int i = 0; i < form.getCriteria().size(); i++) {
            CallForm.CriterionRow row = form.getCriteria().get(i);
            if (isBlank(row.getName())) {
                problems.add(Problem.of("call.criterionNameRequired", i + 1));
            }
            if (row.getWeightPercent() == null || row.getWeightPercent() < 1 || row.getWeightPercent() > 100) {
                problems.add(Problem.of("call.criterionWeightRange", i + 1));
            }
        }
        if (form.weightTotal() != 100) {
            problems.add(Problem.of("call.weightsSum", form.weightTotal()));
        }
    }

    private static void checkTiers(CallForm form, List<Problem> problems) {
        List<CallForm.TierRow> tiers = form.getTiers();
        if (tiers.isEmpty()) {
            problems.add(Problem.of("call.tiersRequired"));
            return;
        }
        BigDecimal previous = null;
        for (int i = 0; i < tiers.size(); i++) {
            CallForm.TierRow tier = tiers.get(i);
            boolean last = i == tiers.size() - 1;
            if (tier.getReportKind() == null) {
                problems.add(Problem.of("call.tierReportRequired", i + 1));
            }
            if (last) {
                if (tier.getUpToAmount() != null) {
                    problems.add(Problem.of("call.tierLastOpen"));
                }
                continue;
            }
            if (tier.getUpToAmount() == null || tier.getUpToAmount().signum() <= 0) {
                problems.add(Problem.of("call.tierAmountRequired", i + 1));
                continue;
            }
            if (previous != null && tier.getUpToAmount().compareTo(previous) <= 0) {
                problems.add(Problem.of("call.tiersAscending", i + 1));
            }
            previous = tier.getUpToAmount();
        }
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }
}
