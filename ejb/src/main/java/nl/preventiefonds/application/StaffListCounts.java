package nl.preventiefonds.application;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import nl.preventiefonds.platform.VersionedCache;

/**
 * The staff list's totals per filter and data version: the paginator asks for one on every page, and without a
 * status filter it counts every submitted application (92,000 in the national benchmark) each time.
 */
@ApplicationScoped
public class StaffListCounts extends VersionedCache<ApplicationQueries.Filter, Long> {
    public StaffListCounts() {
        super(Duration.ofSeconds(60), 500);
    }
}
