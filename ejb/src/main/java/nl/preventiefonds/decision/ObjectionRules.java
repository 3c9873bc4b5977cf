package nl.preventiefonds.decision;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import nl.preventiefonds.platform.Money;
import nl.preventiefonds.platform.Problem;

/**
 * What an objection's outcome must meet before anything changes. Pure, so unit-tested. Upheld (gegrond, wholly or
 * partly) means the contested decision is revoked and a new one takes its place (Awb 7:11); dismissed,
 * inadmissible or withdrawn keep it. A late objection is decided on the merits only when its lateness is excused
 * (Awb 6:9, 6:11); otherwise it is inadmissible (or withdrawn).
 */
public final class ObjectionRules {
    private ObjectionRules() {
    }

    /**
     * Every problem of a conclusion.
     *
     * @param objectionDeadline the last day of the objection term (ObjectionTerms)
     * @param receivedOn        when the objection arrived
     * @param contested         the outcome and amount of the contested decision
     * @param requested         what the application asked for (the new decision's rules need it)
     */
    public static List<Problem> check(ObjectionConclusion conclusion, LocalDate objectionDeadline,
                                      LocalDate receivedOn, DecisionOutcome contested, BigDecimal contestedAmount,
                                      BigDecimal requested, LocalDate today) {
        ObjectionOutcome outcome = conclusion == null ? null : conclusion.getOutcome();
        List<Problem> problems = checkOutcome(outcome, conclusion == null ? null : conclusion.getNotes(),
                conclusion != null && conclusion.isLateExcused(), objectionDeadline, receivedOn);
        if (outcome == null) {
            return problems;
        }
        DecisionForm form = conclusion.getDecision();
        boolean hasDecision = form != null && form.getOutcome() != null;
        if (!outcome.leadsToNewDecision()) {
            if (hasDecision) {
                problems.add(Problem.of("objection.newDecisionOnlyWhenUpheld"));
            }
            return problems;
        }
        if (!hasDecision) {
            problems.add(Problem.of("objection.newDecisionRequired"));
            return problems;
        }
        problems.addAll(DecisionRules.check(form, requested, today));
        if (problems.isEmpty() && form.getOutcome() == contested
                && DecisionRules.grantedAmount(form, requested).compareTo(contestedAmount) == 0) {
            problems.add(Problem.of("objection.newDecisionUnchanged"));
        }
        return problems;
    }

    /**
     * The problems of an outcome whatever the objection is against (a decision or a determination): an outcome is
     * given, the notes fit, and a late objection is decided on the merits only when its lateness is excused.
     */
    public static List<Problem> checkOutcome(ObjectionOutcome outcome, String notes, boolean lateExcused,
                                             LocalDate objectionDeadline, LocalDate receivedOn) {
        List<Problem> problems = new ArrayList<>();
        if (outcome == null) {
            problems.add(Problem.of("objection.outcomeRequired"));
            return problems;
        }
        if (notes != null && notes.strip().length() > 4000) {
            problems.add(Problem.of("field.tooLong", "field.notes", 4000));
        }
        if (outcome.onTheMerits() && !ObjectionTerms.isOnTime(objectionDeadline, receivedOn) && !lateExcused) {
            problems.add(Problem.of("objection.lateNotExcused", objectionDeadline));
        }
        return problems;
    }

    /**
     * Whether an objection may be registered at all: on time (received on or before the deadline, Awb 6:7, 6:9),
     * or late with its lateness excused (Awb 6:11). Empty when it may.
     */
    public static List<Problem> checkRegistration(LocalDate objectionDeadline, LocalDate receivedOn,
                                                  boolean lateExcused) {
        if (receivedOn == null || ObjectionTerms.isOnTime(objectionDeadline, receivedOn) || lateExcused) {
            return List.of();
        }
        return List.of(Problem.of("objection.late", objectionDeadline));
    }

    /**
     * What the fund's year budget must take on (positive) or gets back (negative) when a decision committing
     * {@code before} is replaced by one committing {@code after}.
     */
    public static BigDecimal ledgerChange(BigDecimal before, BigDecimal after) {
        return Money.exact(after.subtract(before)).amount();
    }
}
