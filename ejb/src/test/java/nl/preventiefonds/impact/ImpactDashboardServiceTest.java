package nl.preventiefonds.impact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ImpactDashboardServiceTest {

    private static CareDemandService.ValueRow row(long neighbourhood, int year, String value) {
        return new CareDemandService.ValueRow(neighbourhood, "WK" + neighbourhood, "Wijk " + neighbourhood,
                CareIndicator.WMO_CLIENTS_PER_1000.name(), String.valueOf(year), LocalDate.of(year, 1, 1),
                value == null ? null : new BigDecimal(value), value == null);
    }

    @Test
    void trendAveragesTreatedAndControlPerYearAndLeavesSuppressedValuesOut() {
        List<ImpactDashboardService.YearMeans> trend = ImpactDashboardService.trend(List.of(
                row(1, 2024, "10"), row(2, 2024, "20"), row(3, 2024, "30"), row(4, 2024, null),
                row(1, 2025, null), row(3, 2025, "40")), Map.of(1L, 2025, 2L, 2025));
        assertEquals(2, trend.size());
        assertEquals(new ImpactDashboardService.YearMeans(2024, 15.0, 30.0), trend.get(0));
        assertEquals(new ImpactDashboardService.YearMeans(2025, null, 40.0), trend.get(1));
    }

    @Test
    void reachIsParticipantsPerThousandEurosAwarded() {
        assertEquals(new BigDecimal("4.32"), ImpactDashboardService.reach(80, new BigDecimal("18500.00")));
        assertNull(ImpactDashboardService.reach(80, BigDecimal.ZERO));
    }

    @Test
    void eachFundedNeighbourhoodIsComparedWithTheUnfundedOnesOnly() {
        // 1 starts in 2024 (50 -> 44), 2 in 2025 (30 -> 26); 3, 4 and 5 are unfunded and change 0 on average.
        String[][] values = {{"1", "50", "50", "44", "44"}, {"2", "30", "30", "30", "26"},
                {"3", "40", "40", "40", "40"}, {"4", "20", "20", "21", "21"}, {"5", "60", "60", "59", "59"}};
        List<CareDemandService.ValueRow> rows = new java.util.ArrayList<>();
        for (String[] v : values) {
            for (int k = 1; k < v.length; k++) {
                rows.add(row(Long.parseLong(v[0]), 2021 + k, v[k]));
            }
        }
        List<DifferenceInDifferences.Observation> observations = rows.stream().map(r -> DifferenceInDifferences
                .Observation.of(String.valueOf(r.neighbourhoodId()), r.periodStart().getYear(), r.value())).toList();
        Map<Long, String[]> names = Map.of(1L, new String[] {"WK1", "Assen-Oost"}, 2L, new String[] {"WK2", "Peelo"});
        List<ImpactDashboardService.NeighbourhoodTrend> trends = ImpactDashboardService.perNeighbourhood(
                new DifferenceInDifferences(), observations, rows,
                ImpactDashboardService.trend(rows, Map.of(1L, 2024, 2L, 2025)), Map.of(1L, 2024, 2L, 2025), names);

        assertEquals(List.of("Assen-Oost", "Peelo"), trends.stream().map(t -> t.name()).toList());
        ImpactDashboardService.NeighbourhoodTrend oost = trends.get(0);
        assertEquals(2024, oost.startYear());
        // Were Peelo a control, the controls' change would be -0.5 and the effect -5.5.
        assertEquals(-6.0, oost.effect(), 1e-9);
        assertEquals(50.0, oost.before(), 1e-9);
        assertEquals(44.0, oost.after(), 1e-9);
        assertEquals(new ImpactDashboardService.YearValue(2022, 50.0, 40.0), oost.years().get(0));
        assertEquals(4, oost.years().size());
        assertTrue(oost.ciLow() <= -6.0 && -6.0 <= oost.ciHigh(), oost.ciLow() + " .. " + oost.ciHigh());
        assertTrue(oost.caveats().contains(DifferenceInDifferences.FEW_UNITS), "one treated unit is few");
        assertEquals(-4.0, trends.get(1).effect(), 1e-9);
        assertEquals(new ImpactDashboardService.YearValue(2025, 26.0, 40.0), trends.get(1).years().get(3));
    }
}
