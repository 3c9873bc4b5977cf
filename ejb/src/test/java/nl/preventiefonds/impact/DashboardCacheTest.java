package nl.preventiefonds.impact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The data version is the installation's, so two municipalities asking for the same filter in the same version must
 * not share figures (nor, since issue 18, indicators of their own).
 */
class DashboardCacheTest {
    private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");

    private static ImpactDashboardService.Dashboard figures(long awards) {
        return new ImpactDashboardService.Dashboard(ImpactDashboardService.Filter.all(),
                new ImpactDashboardService.Portfolio(awards, BigDecimal.TEN, BigDecimal.ONE, 0, null), List.of(),
                List.of(), null, null, null, 6000, 1200, List.of(), BigDecimal.ZERO);
    }

    @Test
    void eachMunicipalityHasItsOwnEntryForTheSameFilterAndVersion() {
        DashboardCache cache = new DashboardCache();
        ImpactDashboardService.Filter all = ImpactDashboardService.Filter.all();
        assertEquals(3, cache.get(new DashboardCache.Key(1, all), "7/", NOW, () -> figures(3)).portfolio().awards());
        assertEquals(5, cache.get(new DashboardCache.Key(2, all), "7/", NOW, () -> figures(5)).portfolio().awards(),
                "not the other municipality's");
        assertEquals(3, cache.get(new DashboardCache.Key(1, all), "7/", NOW, () -> figures(99)).portfolio().awards(),
                "its own, from the cache");
    }
}
