package nl.preventiefonds.decision;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import nl.preventiefonds.platform.Money;
import nl.preventiefonds.platform.Problem;

/** The rules a decision must meet before anything is committed. Pure, so unit-tested. */
public final class DecisionRules {
    private DecisionRules() {
    }

    /** The amount the decision grants: the request for an award, the given amount for a partial one. */
    public static BigDecimal grantedAmount(DecisionForm form, BigDecimal requested) {
        if (form.getOutcome() == DecisionOutcome.AWARD) {
            return Money.exact(requested).amount();
        }
        if (form.getOutcome() == DecisionOutcome.PARTIAL_AWARD && form.getAmount() != null) {
            return Money.exact(form.getAmount()).amount();
        }
        return Money.ZERO.amount();
    }

    /** The advance: the percentage of the grant, rounded down to whole cents. */
    public static BigDecimal advance(BigDecimal granted, int percent) {
        return Money.percentDown(granted, percent).amount();
    }

    /** A tranche is due from the decision date to this many years after it (no 1900, no year 999999999). */
    public static final int MAX_TRANCHE_YEARS = 10;
    /** As the label column holds. */
    public static final int MAX_TRANCHE_LABEL = 100;

    /** The rules without the tranches' date window (which needs the decision date). */
    public static List<Problem> check(DecisionForm form, BigDecimal requested) {
        return check(form, requested, null);
    }

    /** Every rule; tranches fall due between {@code today} and {@value #MAX_TRANCHE_YEARS} years after it. */
    public static List<Problem> check(DecisionForm form, BigDecimal requested, java.time.LocalDate today) {
        List<Problem> problems = new ArrayList<>();
        if (form.getOutcome() == null) {
            problems.add(Problem.of("decision.outcomeRequired"));
            return problems;
        }
        boolean needsReasons = form.getOutcome() != DecisionOutcome.AWARD;
        if (needsReasons && (form.getReasons() == null || form.getReasons().isBlank())) {
            problems.add(Problem.of(form.getOutcome() == DecisionOutcome.REJECT ? "decision.rejectReasonsRequired"
                    : "decision.partialReasonsRequired"));
        }
        if (form.getReasons() != null && form.getReasons().strip().length() > 4000) {
            problems.add(Problem.of("field.tooLong", "field.reasons", 4000));
        }
        if (form.getObligations() != null && form.getObligations().strip().length() > 4000) {
            problems.add(Problem.of("field.tooLong", "field.obligations", 4000));
        }
        if (form.getOutcome() == DecisionOutcome.PARTIAL_AWARD) {
            BigDecimal amount = form.getAmount();
            if (amount == null || amount.signum() <= 0) {
                problems.add(Problem.of("decision.partialAmountRequired"));
            } else if (amount.stripTrailingZeros().scale() > 2) {
                problems.add(Problem.of("money.cents"));
            } else if (amount.compareTo(requested) >= 0) {
                problems.add(Problem.of("decision.partialBelowRequested", requested));
            }
        }
        if (form.getOutcome().grantsMoney() && problems.isEmpty()) {
            checkSchedule(form, grantedAmount(form, requested), today, problems);
        }
        return problems;
    }

    private static void checkSchedule(DecisionForm form, BigDecimal granted, java.time.LocalDate today,
                                      List<Problem> problems) {
        if (form.getAdvancePercent() < 0 || form.getAdvancePercent() > 100) {
            problems.add(Problem.of("decision.advanceRange"));
            return;
        }
        BigDecimal scheduled = advance(granted, form.getAdvancePercent());
        for (int i = 0; i < form.getTranches().size(); i++) {
            DecisionForm.TrancheRow row = form.getTranches().get(i);
            if (row == null) {
                problems.add(Problem.of("decision.trancheIncomplete", i + 1));
            } else if (row.getLabel() != null && row.getLabel().strip().length() > MAX_TRANCHE_LABEL) {
                problems.add(Problem.of("decision.trancheLabelTooLong", i + 1, MAX_TRANCHE_LABEL));
            } else if (today != null && row.getDueOn() != null && (row.getDueOn().isBefore(today)
                    || row.getDueOn().isAfter(today.plusYears(MAX_TRANCHE_YEARS)))) {
                problems.add(Problem.of("decision.trancheDueOnRange", i + 1, today,
                        today.plusYears(MAX_TRANCHE_YEARS)));
            } else if (row.getLabel() == null || row.getLabel().isBlank() || row.getDueOn() == null
                    || row.getAmount() == null || row.getAmount().signum() <= 0 || row.getAmount().stripTrailingZeros().scale() > 2) {
                problems.add(Problem.of("decision.trancheIncomplete", i + 1));
            } else {
                scheduled = scheduled.add(row.getAmount());
            }
        }
        if (scheduled.compareTo(granted) > 0) {
            problems.add(Problem.of("decision.scheduleAboveGrant", scheduled, granted));
        }
    }
}
