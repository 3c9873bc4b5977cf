package nl.preventiefonds.impact;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.Serializable;
import java.time.Duration;
import nl.preventiefonds.platform.VersionedCache;

/**
 * The dashboard's figures per municipality, filter and data version; the scenarios are applied to them per request.
 * The municipality is part of the key: the data version is the installation's, and two municipalities' dashboards for
 * the same filter (and their indicators) are not the same.
 */
@ApplicationScoped
public class DashboardCache extends VersionedCache<DashboardCache.Key, ImpactDashboardService.Dashboard> {

    public record Key(long municipality, ImpactDashboardService.Filter filter) implements Serializable {
    }

    public DashboardCache() {
        super(Duration.ofSeconds(60), 200);
    }
}
