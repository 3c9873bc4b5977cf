package nl.preventiefonds.impact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import nl.preventiefonds.application.CareDomain;

/**
 * The avoided-cost scenario multiplies the estimated effect by the treated neighbourhoods' residents as CBS counts
 * them; only a neighbourhood without a known population gets the assumed number, and then the scenario says so.
 */
class ScenarioPopulationTest {

    @Test
    void knownPopulationsAreSummedAndOnlyTheUnknownAreAssumed() {
        ImpactDashboardService.TreatedPopulation all = new ImpactDashboardService.TreatedPopulation(2, 2, 11_500);
        assertEquals(11_500, ImpactDashboardService.scenarioPopulation(2, all, true));
        assertEquals(2_300, ImpactDashboardService.scenarioPopulation(2, all, false), "a fifth are young people");
        ImpactDashboardService.TreatedPopulation some = new ImpactDashboardService.TreatedPopulation(3, 2, 11_500);
        assertEquals(17_500, ImpactDashboardService.scenarioPopulation(3, some, true), "one assumed 6,000");
        assertEquals(3_500, ImpactDashboardService.scenarioPopulation(3, some, false));
        // None known: as before populations were kept, the assumed number per treated unit of the estimate.
        ImpactDashboardService.TreatedPopulation none = new ImpactDashboardService.TreatedPopulation(3, 0, 0);
        assertEquals(12_000, ImpactDashboardService.scenarioPopulation(2, none, true));
        assertEquals(2_400, ImpactDashboardService.scenarioPopulation(2, none, false));
        assertTrue(all.complete());
        assertFalse(some.complete());
    }

    private static ImpactDashboardService.Dashboard dashboard(ImpactDashboardService.TreatedPopulation population) {
        ImpactDashboardService.IndicatorImpact wmo = new ImpactDashboardService.IndicatorImpact(
                CareIndicator.WMO_CLIENTS_PER_1000, CareDomain.WMO, true, -5.0, 1.0, -7.0, -3.0, 2, 8, 90, List.of(),
                40.0, 35.0, 38.0, 38.0, List.of(), List.of());
        return new ImpactDashboardService.Dashboard(ImpactDashboardService.Filter.all(),
                new ImpactDashboardService.Portfolio(2, BigDecimal.TEN, BigDecimal.ONE, 12, null), List.of(),
                List.of(wmo), null, null, null, 6000, 1200, List.of(), BigDecimal.ZERO, population)
                .withParameters(AvoidedCostScenario.CostParameters.defaults());
    }

    @Test
    void theScenarioUsesTheCbsPopulationAndCarriesACaveatOnlyWhenItAssumedOne() {
        ImpactDashboardService.Scenario known = dashboard(new ImpactDashboardService.TreatedPopulation(2, 2, 10_000))
                .scenarios().get(0);
        assertEquals(10_000, known.assumedPopulation());
        assertFalse(known.caveats().contains(ImpactDashboardService.POPULATION_ASSUMED));
        // 5 fewer clients per 1,000 of 10,000 residents = 50 clients x EUR 4,600 (the default Wmo cost).
        assertEquals(0, new BigDecimal("230000.00").compareTo(known.central()), known.central().toPlainString());
        ImpactDashboardService.Scenario assumed = dashboard(ImpactDashboardService.TreatedPopulation.NONE)
                .scenarios().get(0);
        assertEquals(12_000, assumed.assumedPopulation(), "two treated units of 6,000");
        assertTrue(assumed.caveats().contains(ImpactDashboardService.POPULATION_ASSUMED));
    }

    @Test
    void aMunicipalityOwnIndicatorUsesItsCostPerCaseAndOneWithoutACostHasNoScenario() {
        ImpactDashboardService.IndicatorImpact own = new ImpactDashboardService.IndicatorImpact("BIJSTAND",
                "Bijstand per 1.000 inwoners", CareIndicator.Unit.PER_1000_RESIDENTS, new BigDecimal("3000.00"),
                CareDomain.DEBT_RELIEF, true, -2.0, 0.5, -3.0, -1.0, 2, 8, 90, List.of(), 20.0, 18.0, 19.0, 19.0,
                List.of(), List.of());
        ImpactDashboardService.IndicatorImpact noCost = new ImpactDashboardService.IndicatorImpact("EENZAAM",
                "Eenzaamheid", CareIndicator.Unit.PERCENT, null, CareDomain.INFORMAL_CARE, true, -2.0, 0.5, -3.0,
                -1.0, 2, 8, 90, List.of(), 20.0, 18.0, 19.0, 19.0, List.of(), List.of());
        // The standard Wmo indicator, its cost per case set by the municipality: no longer the Wmo parameter.
        ImpactDashboardService.IndicatorImpact wmo = new ImpactDashboardService.IndicatorImpact(
                CareIndicator.WMO_CLIENTS_PER_1000.name(), null, CareIndicator.Unit.PER_1000_RESIDENTS,
                new BigDecimal("5000.00"), CareDomain.WMO, true, -5.0, 1.0, -7.0, -3.0, 2, 8, 90, List.of(),
                40.0, 35.0, 38.0, 38.0, List.of(), List.of());
        List<ImpactDashboardService.Scenario> scenarios = new ImpactDashboardService.Dashboard(
                ImpactDashboardService.Filter.all(), new ImpactDashboardService.Portfolio(2, BigDecimal.TEN,
                BigDecimal.ONE, 12, null), List.of(), List.of(wmo, own, noCost), null, null, null, 6000, 1200,
                List.of(), BigDecimal.ZERO, new ImpactDashboardService.TreatedPopulation(2, 2, 10_000))
                .withParameters(AvoidedCostScenario.CostParameters.defaults()).scenarios();
        assertEquals(List.of("WMO_CLIENTS_PER_1000", "BIJSTAND"),
                scenarios.stream().map(ImpactDashboardService.Scenario::indicator).toList());
        // 5 per 1,000 of 10,000 = 50 x EUR 5,000; 2 per 1,000 of 10,000 = 20 x EUR 3,000.
        assertEquals(0, new BigDecimal("250000.00").compareTo(scenarios.get(0).central()));
        assertEquals(0, new BigDecimal("60000.00").compareTo(scenarios.get(1).central()));
        assertEquals("Bijstand per 1.000 inwoners", scenarios.get(1).name());
    }
}
