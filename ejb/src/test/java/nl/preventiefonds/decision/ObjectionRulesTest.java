package nl.preventiefonds.decision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import nl.preventiefonds.platform.Problem;
import org.junit.jupiter.api.Test;

class ObjectionRulesTest {
    private static final LocalDate DEADLINE = LocalDate.of(2026, 6, 16);
    private static final LocalDate TODAY = LocalDate.of(2026, 7, 1);
    private static final BigDecimal REQUESTED = new BigDecimal("20000.00");

    private static DecisionForm award(DecisionOutcome outcome, String amount, String reasons) {
        DecisionForm form = new DecisionForm();
        form.setOutcome(outcome);
        form.setAmount(amount == null ? null : new BigDecimal(amount));
        form.setReasons(reasons);
        return form;
    }

    private static List<String> keys(ObjectionOutcome outcome, boolean lateExcused, DecisionForm form,
                                     LocalDate receivedOn, DecisionOutcome contested, String contestedAmount) {
        return ObjectionRules.check(new ObjectionConclusion(outcome, null, lateExcused, form), DEADLINE, receivedOn,
                contested, new BigDecimal(contestedAmount), REQUESTED, TODAY).stream().map(Problem::key).toList();
    }

    @Test
    void upheldAndPartlyUpheldLeadToANewDecisionTheOthersKeepIt() {
        assertTrue(ObjectionOutcome.UPHELD.leadsToNewDecision());
        assertTrue(ObjectionOutcome.PARTLY_UPHELD.leadsToNewDecision());
        assertFalse(ObjectionOutcome.DISMISSED.leadsToNewDecision());
        assertFalse(ObjectionOutcome.INADMISSIBLE.leadsToNewDecision());
        assertFalse(ObjectionOutcome.WITHDRAWN.leadsToNewDecision());
    }

    @Test
    void anUpheldObjectionReceivedOnTheDeadlineDayReplacesARefusalByAnAward() {
        assertEquals(List.of(), keys(ObjectionOutcome.UPHELD, false, award(DecisionOutcome.AWARD, null, null),
                DEADLINE, DecisionOutcome.REJECT, "0.00"));
    }

    @Test
    void anObjectionOneDayLateIsDecidedOnTheMeritsOnlyWhenTheLatenessIsExcused() {
        LocalDate late = DEADLINE.plusDays(1);
        assertEquals(List.of("objection.lateNotExcused"), keys(ObjectionOutcome.UPHELD, false,
                award(DecisionOutcome.AWARD, null, null), late, DecisionOutcome.REJECT, "0.00"));
        assertEquals(List.of("objection.lateNotExcused"), keys(ObjectionOutcome.DISMISSED, false, null, late,
                DecisionOutcome.REJECT, "0.00"));
        assertEquals(List.of(), keys(ObjectionOutcome.UPHELD, true, award(DecisionOutcome.AWARD, null, null), late,
                DecisionOutcome.REJECT, "0.00"), "Awb 6:11: excusable lateness");
        assertEquals(List.of(), keys(ObjectionOutcome.INADMISSIBLE, false, null, late, DecisionOutcome.REJECT,
                "0.00"), "a late objection may always be declared inadmissible");
        assertEquals(List.of(), keys(ObjectionOutcome.DISMISSED, false, null, DEADLINE, DecisionOutcome.REJECT,
                "0.00"), "on the deadline day it is on time");
    }

    @Test
    void upheldNeedsTheNewDecisionAndTheOtherOutcomesTakeNone() {
        assertEquals(List.of("objection.newDecisionRequired"), keys(ObjectionOutcome.UPHELD, false, null, DEADLINE,
                DecisionOutcome.REJECT, "0.00"));
        assertEquals(List.of("objection.newDecisionRequired"), keys(ObjectionOutcome.PARTLY_UPHELD, false,
                new DecisionForm(), DEADLINE, DecisionOutcome.REJECT, "0.00"));
        assertEquals(List.of("objection.newDecisionOnlyWhenUpheld"), keys(ObjectionOutcome.DISMISSED, false,
                award(DecisionOutcome.AWARD, null, null), DEADLINE, DecisionOutcome.REJECT, "0.00"));
        assertEquals(List.of("objection.outcomeRequired"), ObjectionRules.check(null, DEADLINE, DEADLINE,
                DecisionOutcome.REJECT, BigDecimal.ZERO, REQUESTED, TODAY).stream().map(Problem::key).toList());
    }

    @Test
    void theNewDecisionMeetsTheRulesOfEveryDecisionAndMustChangeSomething() {
        assertEquals(List.of("decision.rejectReasonsRequired"), keys(ObjectionOutcome.UPHELD, false,
                award(DecisionOutcome.REJECT, null, null), DEADLINE, DecisionOutcome.AWARD, "20000.00"));
        assertEquals(List.of("decision.partialBelowRequested"), keys(ObjectionOutcome.PARTLY_UPHELD, false,
                award(DecisionOutcome.PARTIAL_AWARD, "20000.00", "Meer nodig"), DEADLINE,
                DecisionOutcome.PARTIAL_AWARD, "8000.00"));
        assertEquals(List.of("objection.newDecisionUnchanged"), keys(ObjectionOutcome.PARTLY_UPHELD, false,
                award(DecisionOutcome.PARTIAL_AWARD, "8000.00", "Zelfde"), DEADLINE, DecisionOutcome.PARTIAL_AWARD,
                "8000.00"));
        assertEquals(List.of(), keys(ObjectionOutcome.PARTLY_UPHELD, false,
                award(DecisionOutcome.PARTIAL_AWARD, "8000.01", "Een cent meer"), DEADLINE,
                DecisionOutcome.PARTIAL_AWARD, "8000.00"), "a cent is a change");
        assertEquals(List.of(), keys(ObjectionOutcome.UPHELD, false,
                award(DecisionOutcome.REJECT, null, "Ingetrokken: de activiteiten vinden niet plaats"), DEADLINE,
                DecisionOutcome.AWARD, "20000.00"), "an award may be revoked on objection (e.g. a third party's)");
    }

    @Test
    void theLedgerMovesOnlyTheDifference() {
        assertEquals(new BigDecimal("20000.00"), ObjectionRules.ledgerChange(new BigDecimal("0.00"),
                new BigDecimal("20000.00")));
        assertEquals(new BigDecimal("-12000.00"), ObjectionRules.ledgerChange(new BigDecimal("20000.00"),
                new BigDecimal("8000.00")));
        assertEquals(new BigDecimal("0.00"), ObjectionRules.ledgerChange(new BigDecimal("8000"),
                new BigDecimal("8000.00")));
    }

    // Registration of an objection against a determination: the same term, refused when late unless excused.

    @Test
    void anObjectionReceivedOnTheDeadlineDayMayBeRegistered() {
        assertEquals(List.of(), ObjectionRules.checkRegistration(DEADLINE, DEADLINE, false));
        assertEquals(List.of(), ObjectionRules.checkRegistration(DEADLINE, DEADLINE.minusDays(1), false));
    }

    @Test
    void anObjectionADayLateIsRefusedUnlessItsLatenessIsExcused() {
        List<Problem> late = ObjectionRules.checkRegistration(DEADLINE, DEADLINE.plusDays(1), false);
        assertEquals(List.of("objection.late"), late.stream().map(Problem::key).toList());
        assertEquals(List.of(), ObjectionRules.checkRegistration(DEADLINE, DEADLINE.plusDays(1), true));
    }

    @Test
    void theOutcomeRulesHoldForAnyObjection() {
        assertEquals(List.of("objection.outcomeRequired"), ObjectionRules.checkOutcome(null, null, false, DEADLINE,
                DEADLINE).stream().map(Problem::key).toList());
        assertEquals(List.of(), ObjectionRules.checkOutcome(ObjectionOutcome.DISMISSED, "x".repeat(4000), false,
                DEADLINE, DEADLINE));
        assertEquals(List.of("field.tooLong"), ObjectionRules.checkOutcome(ObjectionOutcome.WITHDRAWN,
                "x".repeat(4001), false, DEADLINE, DEADLINE).stream().map(Problem::key).toList());
        assertEquals(List.of("objection.lateNotExcused"), ObjectionRules.checkOutcome(ObjectionOutcome.UPHELD, null,
                false, DEADLINE, DEADLINE.plusDays(1)).stream().map(Problem::key).toList());
        assertEquals(List.of(), ObjectionRules.checkOutcome(ObjectionOutcome.UPHELD, null, true, DEADLINE,
                DEADLINE.plusDays(1)));
        assertEquals(List.of(), ObjectionRules.checkOutcome(ObjectionOutcome.INADMISSIBLE, null, false, DEADLINE,
                DEADLINE.plusDays(1)));
        assertTrue(ObjectionOutcome.PARTLY_UPHELD.leadsToNewDetermination());
        assertFalse(ObjectionOutcome.DISMISSED.leadsToNewDetermination());
    }
}
