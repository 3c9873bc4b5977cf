package nl.preventiefonds.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.EnumSet;
import java.util.List;
import nl.preventiefonds.platform.Problem;
import org.junit.jupiter.api.Test;

class CallRulesTest {

    private static CallForm valid() {
        CallForm form = CallForm.withDefaults(1L);
        form.setTitle("Ronde 2027");
        form.setOpensAt(LocalDateTime.of(2027, 1, 4, 9, 0));
        form.setClosesAt(LocalDateTime.of(2027, 3, 31, 17, 0));
        form.setMinAmount(new BigDecimal("500.00"));
        form.setMaxAmount(new BigDecimal("50000.00"));
        form.setBudgetYear(2027);
        form.setThemes(EnumSet.of(Theme.LONELINESS));
        return form;
    }

    private static List<String> keys(CallForm form) {
        return CallRules.check(form).stream().map(Problem::key).toList();
    }

    @Test
    void theDefaultsMakeAValidCall() {
        assertEquals(List.of(), keys(valid()));
        assertEquals(100, valid().weightTotal());
    }

    @Test
    void closingMustFollowOpening() {
        CallForm form = valid();
        form.setClosesAt(form.getOpensAt());
        assertEquals(List.of("call.closesBeforeOpens"), keys(form));
        form.setClosesAt(null);
        assertEquals(List.of("call.datesRequired"), keys(form));
    }

    @Test
    void weightsMustSumToExactlyOneHundredAndTheSumIsReported() {
        CallForm form = valid();
        form.getCriteria().get(0).setWeightPercent(35);
        List<Problem> problems = CallRules.check(form);
        assertEquals(1, problems.size());
        assertEquals("call.weightsSum", problems.get(0).key());
        assertEquals(95, problems.get(0).args().get(0));
        form.getCriteria().get(0).setWeightPercent(0);
        assertTrue(keys(form).contains("call.criterionWeightRange"));
        form.getCriteria().clear();
        assertEquals(List.of("call.criteriaRequired"), keys(form));
    }

    @Test
    void tiersAscendAndTheLastHasNoUpperBound() {
        CallForm form = valid();
        form.getTiers().get(1).setUpToAmount(new BigDecimal("5000.00"));
        assertEquals(List.of("call.tiersAscending"), keys(form));
        form = valid();
        form.getTiers().get(3).setUpToAmount(new BigDecimal("999999.00"));
        assertEquals(List.of("call.tierLastOpen"), keys(form));
        form = valid();
        form.getTiers().get(0).setUpToAmount(null);
        assertEquals(List.of("call.tierAmountRequired"), keys(form));
    }

    @Test
    void amountsThemesAndTerm() {
        CallForm form = valid();
        form.setMinAmount(new BigDecimal("60000.00"));
        assertEquals(List.of("call.minAboveMax"), keys(form));
        form = valid();
        form.setMaxAmount(new BigDecimal("50000.001"));
        assertEquals(List.of("money.cents"), keys(form));
        form = valid();
        form.setThemes(EnumSet.noneOf(Theme.class));
        form.setDecisionTermWeeks(0);
        form.setTitle(" ");
        assertEquals(List.of("call.titleRequired", "call.termWeeksRange", "call.themeRequired"), keys(form));
    }

    @Test
    void theMinimumMayEqualTheMaximumButNotExceedItByACent() {
        CallForm form = valid();
        form.setMinAmount(new BigDecimal("50000.00"));
        assertEquals(List.of(), keys(form));
        form.setMinAmount(new BigDecimal("50000.01"));
        assertEquals(List.of("call.minAboveMax"), keys(form));
        form.setMinAmount(new BigDecimal("0.00"));
        assertEquals(List.of(), keys(form), "no minimum");
        form.setMinAmount(new BigDecimal("-0.01"));
        assertEquals(List.of("call.amountsPositive"), keys(form));
        form = valid();
        form.setMaxAmount(new BigDecimal("0.01"));
        form.setMinAmount(new BigDecimal("0.00"));
        assertEquals(List.of(), keys(form));
        form.setMaxAmount(new BigDecimal("0.00"));
        assertEquals(List.of("call.amountsPositive"), keys(form));
        form = valid();
        form.setMinAmount(new BigDecimal("500.001"));
        assertEquals(List.of("money.cents"), keys(form));
        form.setMinAmount(null);
        assertEquals(List.of("call.amountsRequired"), keys(form));
    }

    @Test
    void theDecisionTermIsOneToFiftyTwoWeeks() {
        CallForm form = valid();
        for (int weeks : new int[] {1, 8, 52}) {
            form.setDecisionTermWeeks(weeks);
            assertEquals(List.of(), keys(form), weeks + " weeks");
        }
        for (int weeks : new int[] {0, 53, -1}) {
            form.setDecisionTermWeeks(weeks);
            assertEquals(List.of("call.termWeeksRange"), keys(form), weeks + " weeks");
        }
    }

    @Test
    void aCriterionWeighsOneToAHundredPercent() {
        CallForm form = valid();
        form.getCriteria().clear();
        form.getCriteria().add(new CallForm.CriterionRow("Alles", null, 100));
        assertEquals(List.of(), keys(form));
        form.getCriteria().get(0).setWeightPercent(101);
        assertEquals(List.of("call.criterionWeightRange", "call.weightsSum"), keys(form));
        form.getCriteria().set(0, new CallForm.CriterionRow("Bijna alles", null, 99));
        form.getCriteria().add(new CallForm.CriterionRow("Bijna niets", null, 1));
        assertEquals(List.of(), keys(form));
        form.getCriteria().get(1).setWeightPercent(null);
        assertEquals(List.of("call.criterionWeightRange", "call.weightsSum"), keys(form));
        form.getCriteria().get(1).setWeightPercent(1);
        form.getCriteria().get(1).setName(" ");
        assertEquals(List.of("call.criterionNameRequired"), keys(form));
    }

    @Test
    void tierAmountsMustRiseByAtLeastACentAndBePositive() {
        CallForm form = valid();
        form.getTiers().get(1).setUpToAmount(new BigDecimal("5000.01"));
        assertEquals(List.of(), keys(form));
        form.getTiers().get(1).setUpToAmount(new BigDecimal("4999.99"));
        assertEquals(List.of("call.tiersAscending"), keys(form));
        form = valid();
        form.getTiers().get(0).setUpToAmount(new BigDecimal("0.00"));
        assertEquals(List.of("call.tierAmountRequired"), keys(form));
        form.getTiers().get(0).setUpToAmount(new BigDecimal("0.01"));
        assertEquals(List.of(), keys(form));
        form.getTiers().get(2).setReportKind(null);
        assertEquals(List.of("call.tierReportRequired"), keys(form));
        form.getTiers().clear();
        assertEquals(List.of("call.tiersRequired"), keys(form));
    }

    @Test
    void rowProblemsNameTheRowCountingFromOne() {
        CallForm form = valid();
        form.getCriteria().get(1).setName(null);
        form.getCriteria().get(2).setWeightPercent(0);
        form.getCriteria().get(3).setWeightPercent(30);
        List<Problem> problems = CallRules.check(form);
        assertEquals(List.of(Problem.of("call.criterionNameRequired", 2), Problem.of("call.criterionWeightRange", 3),
                Problem.of("call.weightsSum", 95)), problems);

        form = valid();
        form.getTiers().get(0).setReportKind(null);
        form.getTiers().get(1).setUpToAmount(null);
        form.getTiers().get(2).setUpToAmount(new BigDecimal("4000.00"));
        assertEquals(List.of(Problem.of("call.tierReportRequired", 1), Problem.of("call.tierAmountRequired", 2),
                Problem.of("call.tiersAscending", 3)), CallRules.check(form));
    }

    @Test
    void aCallBudgetIsOptionalNeverNegativeAndInCents() {
        CallForm form = valid();
        form.setBudget(null);
        assertEquals(List.of(), keys(form), "none of its own: only the year's budget");
        form.setBudget(new BigDecimal("0.00"));
        assertEquals(List.of(), keys(form), "nothing to award is a budget too");
        form.setBudget(new BigDecimal("-0.01"));
        assertEquals(List.of("call.budgetNegative"), keys(form));
        form.setBudget(new BigDecimal("250000.001"));
        assertEquals(List.of("money.cents"), keys(form));
        form.setBudget(new BigDecimal("250000.01"));
        assertEquals(List.of(), keys(form));
    }
}
