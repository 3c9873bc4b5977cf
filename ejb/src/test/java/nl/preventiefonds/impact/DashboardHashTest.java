package nl.preventiefonds.impact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import nl.preventiefonds.application.CareDomain;
import org.junit.jupiter.api.Test;

/** The shallow hash codes keep the contract: equal figures hash alike, different ones still differ in equals. */
class DashboardHashTest {
    private static ImpactDashboardService.Dashboard dashboard(double lastValue) {
        List<ImpactDashboardService.YearValue> years = new ArrayList<>();
        for (int year = 2016; year < 2026; year++) {
            years.add(new ImpactDashboardService.YearValue(year, year == 2025 ? lastValue : 40.0, 38.0));
        }
        ImpactDashboardService.NeighbourhoodTrend trend = new ImpactDashboardService.NeighbourhoodTrend(7, "WK010601",
                "Pittelo", 2023, List.copyOf(years), true, 40.0, 35.0, -5.0, -9.0, -1.0, List.of());
        ImpactDashboardService.IndicatorImpact impact = new ImpactDashboardService.IndicatorImpact(
                CareIndicator.WMO_CLIENTS_PER_1000, CareDomain.WMO, true, -5.0, 2.0, -9.0, -1.0, 1, 8, 90, List.of(),
                40.0, 35.0, 38.0, 38.0, List.of(), List.of(trend));
        return new ImpactDashboardService.Dashboard(ImpactDashboardService.Filter.all(),
                new ImpactDashboardService.Portfolio(3, BigDecimal.TEN, BigDecimal.ONE, 12, null), List.of(),
                List.of(impact), null, null, null, 6000, 1200, List.of(), BigDecimal.ZERO);
    }

    @Test
    void equalDashboardsHashAlikeAndDeepDifferencesStillCount() {
        assertEquals(dashboard(30.0), dashboard(30.0));
        assertEquals(dashboard(30.0).hashCode(), dashboard(30.0).hashCode());
        assertEquals(dashboard(30.0).indicators().get(0).hashCode(), dashboard(30.0).indicators().get(0).hashCode());
        // A value deep in a neighbourhood's series: not in the hash, but the dashboards are not equal.
        assertNotEquals(dashboard(30.0), dashboard(31.0));
    }
}
