package nl.preventiefonds.impact;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import nl.preventiefonds.platform.VersionedCache;

/** The dashboard's figures per filter and data version; the scenarios are applied to them per request. */
@ApplicationScoped
public class DashboardCache extends VersionedCache<ImpactDashboardService.Filter, ImpactDashboardService.Dashboard> {
    public DashboardCache() {
        super(Duration.ofSeconds(60), 200);
    }
}
