package nl.preventiefonds.impact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ImpactDashboardServiceTest {

    private static CareDemandService.ValueRow row(long neighbourhood, int year, String value) {
        return new CareDemandService.ValueRow(neighbourhood, "WK" + neighbourhood, "Wijk " + neighbourhood,
                CareIndicator.WMO_CLIENTS_PER_1000, String.valueOf(year), LocalDate.of(year, 1, 1),
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
}
