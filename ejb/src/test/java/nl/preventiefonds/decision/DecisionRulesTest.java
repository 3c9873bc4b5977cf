package nl.preventiefonds.decision;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import nl.preventiefonds.platform.Problem;
import org.junit.jupiter.api.Test;

class DecisionRulesTest {
    private static final BigDecimal REQUESTED = new BigDecimal("12500.50");

    private static DecisionForm form(DecisionOutcome outcome, String amount, String reasons) {
        DecisionForm form = new DecisionForm();
        form.setOutcome(outcome);
        form.setAmount(amount == null ? null : new BigDecimal(amount));
        form.setReasons(reasons);
        return form;
    }

    private static List<String> keys(DecisionForm form) {
        return DecisionRules.check(form, REQUESTED).stream().map(Problem::key).toList();
    }

    @Test
    void anAwardGrantsWhatWasRequested() {
        DecisionForm award = form(DecisionOutcome.AWARD, "1.00", null);
        assertEquals(List.of(), keys(award));
        assertEquals(new BigDecimal("12500.50"), DecisionRules.grantedAmount(award, REQUESTED));
    }

    @Test
    void aPartialAwardIsLessThanRequestedAndGivesItsReason() {
        assertEquals(List.of("decision.partialReasonsRequired"), keys(form(DecisionOutcome.PARTIAL_AWARD, "10000", null)));
        assertEquals(List.of("decision.partialBelowRequested"), keys(form(DecisionOutcome.PARTIAL_AWARD, "12500.50", "x")));
        assertEquals(List.of("decision.partialAmountRequired"), keys(form(DecisionOutcome.PARTIAL_AWARD, null, "x")));
        assertEquals(List.of("money.cents"), keys(form(DecisionOutcome.PARTIAL_AWARD, "100.001", "x")));
        DecisionForm partial = form(DecisionOutcome.PARTIAL_AWARD, "10000.25", "Huur te hoog");
        assertEquals(List.of(), keys(partial));
        assertEquals(new BigDecimal("10000.25"), DecisionRules.grantedAmount(partial, REQUESTED));
    }

    @Test
    void aRejectionGivesReasonsAndGrantsNothing() {
        assertEquals(List.of("decision.rejectReasonsRequired"), keys(form(DecisionOutcome.REJECT, null, " ")));
        DecisionForm reject = form(DecisionOutcome.REJECT, "500", "Geen preventie");
        assertEquals(List.of(), keys(reject));
        assertEquals(new BigDecimal("0.00"), DecisionRules.grantedAmount(reject, REQUESTED));
        assertEquals(List.of("decision.outcomeRequired"), keys(new DecisionForm()));
    }

    @Test
    void theAdvanceIsRoundedDownAndTheScheduleNeverExceedsTheGrant() {
        assertEquals(new BigDecimal("5000.12"), DecisionRules.advance(new BigDecimal("10000.25"), 50));
        assertEquals(new BigDecimal("10000.50"), DecisionRules.advance(new BigDecimal("12500.63"), 80));
        DecisionForm award = form(DecisionOutcome.AWARD, null, null);
        award.setAdvancePercent(80);
        award.getTranches().add(new DecisionForm.TrancheRow("Tweede termijn", LocalDate.of(2027, 6, 1),
                new BigDecimal("2500.10")));
        assertEquals(List.of(), keys(award), "10000.40 + 2500.10 = 12500.50 fits exactly");
        award.getTranches().get(0).setAmount(new BigDecimal("2500.11"));
        assertEquals(List.of("decision.scheduleAboveGrant"), keys(award));
        award.getTranches().get(0).setDueOn(null);
        assertEquals(List.of("decision.trancheIncomplete"), keys(award));
        award.setAdvancePercent(101);
        assertEquals(List.of("decision.advanceRange"), keys(award));
    }

    @Test
    void aPartialAwardMayBeOneCentBelowTheRequestAndNoHigher() {
        assertEquals(List.of(), keys(form(DecisionOutcome.PARTIAL_AWARD, "12500.49", "x")));
        assertEquals(List.of("decision.partialBelowRequested"), keys(form(DecisionOutcome.PARTIAL_AWARD, "12500.51", "x")));
        assertEquals(List.of(), keys(form(DecisionOutcome.PARTIAL_AWARD, "0.01", "x")));
        assertEquals(List.of("decision.partialAmountRequired"), keys(form(DecisionOutcome.PARTIAL_AWARD, "0.00", "x")));
        assertEquals(List.of("decision.partialAmountRequired"), keys(form(DecisionOutcome.PARTIAL_AWARD, "-1.00", "x")));
        assertEquals(List.of(), keys(form(DecisionOutcome.PARTIAL_AWARD, "100.100", "x")), "trailing zero is whole cents");
        assertEquals(new BigDecimal("100.10"), DecisionRules.grantedAmount(form(DecisionOutcome.PARTIAL_AWARD,
                "100.100", "x"), REQUESTED));
    }

    @Test
    void theAdvanceRunsFromNoneToAllOfTheGrant() {
        assertEquals(new BigDecimal("0.00"), DecisionRules.advance(new BigDecimal("12500.50"), 0));
        assertEquals(new BigDecimal("12500.50"), DecisionRules.advance(new BigDecimal("12500.50"), 100));
        assertEquals(new BigDecimal("0.99"), DecisionRules.advance(new BigDecimal("1.99"), 50), "down, never up");
        DecisionForm award = form(DecisionOutcome.AWARD, null, null);
        for (int percent : new int[] {0, 100}) {
            award.setAdvancePercent(percent);
            assertEquals(List.of(), keys(award), percent + "%");
        }
        for (int percent : new int[] {-1, 101}) {
            award.setAdvancePercent(percent);
            assertEquals(List.of("decision.advanceRange"), keys(award), percent + "%");
        }
    }

    @Test
    void aTrancheNeedsALabelADateAndAPositiveAmountInCents() {
        DecisionForm award = form(DecisionOutcome.AWARD, null, null);
        award.setAdvancePercent(0);
        award.getTranches().add(new DecisionForm.TrancheRow("Eerste", LocalDate.of(2027, 6, 1), new BigDecimal("0.01")));
        assertEquals(List.of(), keys(award));
        for (String amount : new String[] {"0.00", "-5.00", "1.001"}) {
            award.getTranches().get(0).setAmount(new BigDecimal(amount));
            assertEquals(List.of("decision.trancheIncomplete"), keys(award), amount);
        }
        award.getTranches().get(0).setAmount(new BigDecimal("12500.50"));
        assertEquals(List.of(), keys(award), "one tranche of the whole grant");
        award.getTranches().get(0).setLabel(" ");
        assertEquals(List.of("decision.trancheIncomplete"), keys(award));
        award.getTranches().get(0).setLabel("Eerste");
        award.getTranches().get(0).setAmount(null);
        assertEquals(List.of("decision.trancheIncomplete"), keys(award));
        List<Problem> problems = DecisionRules.check(award, REQUESTED);
        assertEquals(List.of(1), problems.get(0).args(), "the row is named");
    }

    @Test
    void reasonsAndObligationsUpToFourThousandCharacters() {
        DecisionForm reject = form(DecisionOutcome.REJECT, null, "x".repeat(4000));
        assertEquals(List.of(), keys(reject));
        reject.setReasons(" " + "x".repeat(4000) + " ");
        assertEquals(List.of(), keys(reject), "surrounding blanks do not count");
        reject.setReasons("x".repeat(4001));
        assertEquals(List.of("field.tooLong"), keys(reject));
        DecisionForm award = form(DecisionOutcome.AWARD, null, null);
        award.setObligations("y".repeat(4000));
        assertEquals(List.of(), keys(award));
        award.setObligations("y".repeat(4001));
        assertEquals(List.of("field.tooLong"), keys(award));
    }

    private static List<String> trancheKeys(String label, LocalDate dueOn, LocalDate today) {
        DecisionForm award = form(DecisionOutcome.AWARD, null, null);
        award.setAdvancePercent(50);
        award.getTranches().add(new DecisionForm.TrancheRow(label, dueOn, new BigDecimal("1000.00")));
        return DecisionRules.check(award, REQUESTED, today).stream().map(Problem::key).toList();
    }

    @Test
    void aTrancheFallsDueFromTheDecisionDateToTenYearsLaterAndHasALabelTheColumnHolds() {
        LocalDate today = LocalDate.of(2026, 12, 6);
        assertEquals(List.of(), trancheKeys("x".repeat(100), today, today));
        assertEquals(List.of(), trancheKeys("Tweede termijn", today.plusYears(10), today));
        assertEquals(List.of("decision.trancheLabelTooLong"), trancheKeys("x".repeat(101), today, today));
        assertEquals(List.of("decision.trancheDueOnRange"), trancheKeys("Tweede termijn", today.minusDays(1), today));
        assertEquals(List.of("decision.trancheDueOnRange"), trancheKeys("Tweede termijn",
                today.plusYears(10).plusDays(1), today));
        assertEquals(List.of("decision.trancheDueOnRange"), trancheKeys("Tweede termijn", LocalDate.of(1900, 1, 1),
                today));
        assertEquals(List.of("decision.trancheDueOnRange"), trancheKeys("Tweede termijn", LocalDate.MAX, today));
        DecisionForm empty = form(DecisionOutcome.AWARD, null, null);
        empty.getTranches().add(null);
        assertEquals(List.of("decision.trancheIncomplete"), DecisionRules.check(empty, REQUESTED, today).stream()
                .map(Problem::key).toList());
    }

    @Test
    void aTrancheProblemNamesItsRowCountedFromOne() {
        LocalDate today = LocalDate.of(2026, 12, 6);
        DecisionForm award = form(DecisionOutcome.AWARD, null, null);
        award.setAdvancePercent(10);
        award.getTranches().add(new DecisionForm.TrancheRow("Tweede termijn", today.plusMonths(1),
                new BigDecimal("1000.00")));
        award.getTranches().add(null);
        award.getTranches().add(new DecisionForm.TrancheRow("x".repeat(101), today, new BigDecimal("1000.00")));
        award.getTranches().add(new DecisionForm.TrancheRow("Vierde termijn", today.minusDays(1),
                new BigDecimal("1000.00")));
        List<Problem> problems = DecisionRules.check(award, REQUESTED, today).stream()
                .filter(p -> p.key().startsWith("decision.tranche")).toList();
        assertEquals(List.of(Problem.of("decision.trancheIncomplete", 2),
                Problem.of("decision.trancheLabelTooLong", 3, DecisionRules.MAX_TRANCHE_LABEL),
                Problem.of("decision.trancheDueOnRange", 4, today, today.plusYears(DecisionRules.MAX_TRANCHE_YEARS))),
                problems);
    }
}
