package nl.preventiefonds.impact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import nl.preventiefonds.application.CareDomain;
import nl.preventiefonds.impact.AvoidedCostScenario.AvoidedCost;
import nl.preventiefonds.impact.AvoidedCostScenario.CostParameters;
import nl.preventiefonds.impact.AvoidedCostScenario.IndicatorScale;
import nl.preventiefonds.impact.AvoidedCostScenario.Nature;
import org.junit.jupiter.api.Test;

class AvoidedCostScenarioTest {

    private static BigDecimal eur(String amount) {
        return new BigDecimal(amount);
    }

    @Test
    void defaultsFollowTheReferenceFigures() {
        CostParameters p = new AvoidedCostScenario().parameters();
        assertEquals(0, p.wmoCostPerClientPerYear().compareTo(eur("4600")));
        assertEquals(0, p.youthCarePerYoungPersonPerYear().compareTo(eur("12000")));
        assertEquals(0, p.debtHelpReturnPerEuro().compareTo(eur("2")));
        assertEquals(p.wmoCostPerClientPerYear(), p.costPerPersonPerYear(CareDomain.WMO));
        assertEquals(p.youthCarePerYoungPersonPerYear(), p.costPerPersonPerYear(CareDomain.YOUTH_CARE));
    }

    @Test
    void wmoHandComputed() {
        // 12,345 inhabitants; effect -5.0 per 1,000 -> 61.725 fewer clients x 4,600 = 283,935.00
        // CI [-8.2, -1.3]: high 101.229 x 4,600 = 465,653.40; low 16.0485 x 4,600 = 73,823.10
        AvoidedCost c = new AvoidedCostScenario().calculate(CareDomain.WMO, -5.0, -8.2, -1.3,
                IndicatorScale.PER_THOUSAND, 12_345);
        assertEquals(eur("283935.00"), c.central());
        assertEquals(eur("465653.40"), c.high());
        assertEquals(eur("73823.10"), c.low());
        assertEquals(Nature.ESTIMATE, c.nature());
        assertEquals(CareDomain.WMO, c.domain());
        assertTrue(c.caveats().isEmpty(), c.caveats().toString());
    }

    @Test
    void ciIncludingZeroIsFlagged() {
        // 3,000 young people; -0.4 points -> 12 x 12,000 = 144,000.00
        // CI [-0.9, +0.1]: high 27 x 12,000 = 324,000.00; low -3 x 12,000 = -36,000.00
        AvoidedCost c = new AvoidedCostScenario().calculate(CareDomain.YOUTH_CARE, -0.4, -0.9, 0.1,
                IndicatorScale.PERCENT, 3_000);
        assertEquals(eur("144000.00"), c.central());
        assertEquals(eur("324000.00"), c.high());
        assertEquals(eur("-36000.00"), c.low());
        assertEquals(List.of(AvoidedCostScenario.EFFECT_NOT_DISTINGUISHABLE_FROM_ZERO), c.caveats());
    }

    @Test
    void moreCareDemandGivesNegativeAvoidedCost() {
        AvoidedCost c = new AvoidedCostScenario().calculate(CareDomain.WMO, 2.0, 1.0, 3.0,
                IndicatorScale.PER_THOUSAND, 1_000);
        assertEquals(eur("-9200.00"), c.central());
        assertEquals(eur("-13800.00"), c.low());
        assertEquals(eur("-4600.00"), c.high());
        assertTrue(c.caveats().contains(AvoidedCostScenario.CARE_DEMAND_INCREASED));
        assertFalse(c.caveats().contains(AvoidedCostScenario.EFFECT_NOT_DISTINGUISHABLE_FROM_ZERO));
    }

    @Test
    void roundsToCentsHalfUpOnlyAtTheEnd() {
        AvoidedCostScenario oneEuro = new AvoidedCostScenario(new CostParameters(eur("1"), eur("1"), eur("2")));
        // 0.125 per 1,000 x 1,000 inhabitants x 1 euro = 0.125 -> 0.13 (HALF_EVEN would give 0.12)
        AvoidedCost c = oneEuro.calculate(CareDomain.WMO, -0.125, -0.125, -0.125, IndicatorScale.PER_THOUSAND, 1_000);
        assertEquals(eur("0.13"), c.central());
        AvoidedCost up = oneEuro.calculate(CareDomain.WMO, 0.125, 0.125, 0.125, IndicatorScale.PER_THOUSAND, 1_000);
        assertEquals(eur("-0.13"), up.central());
        // COUNT ignores the population: 0.1 fewer people x 1 euro
        AvoidedCost count = oneEuro.calculate(CareDomain.WMO, -0.1, -0.1, -0.1, IndicatorScale.COUNT, 0);
        assertEquals(eur("0.10"), count.central());
        assertEquals(2, c.central().scale());
    }

    @Test
    void fromDidEstimate() {
        var estimate = new DifferenceInDifferences.Estimate(-5.0, 1.5, -8.2, -1.3, 4, 6, 40, List.of());
        AvoidedCost c = new AvoidedCostScenario().fromEstimate(CareDomain.WMO, estimate,
                IndicatorScale.PER_THOUSAND, 12_345);
        assertEquals(eur("283935.00"), c.central());
    }

    @Test
    void debtHelpReturnUsesTheRatioAndSaysItIsNotMeasured() {
        AvoidedCost c = new AvoidedCostScenario().debtHelpReturn(eur("10000.005"));
        assertEquals(eur("20000.01"), c.central());
        assertEquals(c.central(), c.low());
        assertEquals(Nature.ESTIMATE, c.nature());
        assertTrue(c.caveats().contains(AvoidedCostScenario.REFERENCE_RATIO_NOT_MEASURED));
    }

    @Test
    void rejectsWhatCannotBeAScenario() {
        AvoidedCostScenario s = new AvoidedCostScenario();
        assertThrows(IllegalArgumentException.class,
                () -> s.calculate(CareDomain.WMO, Double.NaN, Double.NaN, Double.NaN, IndicatorScale.PER_THOUSAND, 100));
        assertThrows(IllegalArgumentException.class,
                () -> s.calculate(CareDomain.SHELTERED_HOUSING, -1, -2, 0, IndicatorScale.PER_THOUSAND, 100));
        assertThrows(IllegalArgumentException.class,
                () -> s.calculate(CareDomain.WMO, -1, 1, -2, IndicatorScale.PER_THOUSAND, 100));
        // A bootstrap interval that misses the point estimate is widened to it, not refused.
        assertEquals(s.calculate(CareDomain.WMO, -1, -1, 1, IndicatorScale.PER_THOUSAND, 100),
                s.calculate(CareDomain.WMO, -1, 0, 1, IndicatorScale.PER_THOUSAND, 100));
        assertThrows(IllegalArgumentException.class,
                () -> new CostParameters(eur("-1"), eur("1"), eur("1")));
    }
}
