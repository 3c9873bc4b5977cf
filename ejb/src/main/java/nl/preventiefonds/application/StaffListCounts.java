package nl.preventiefonds.application;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;
import nl.preventiefonds.platform.VersionedCache;

/**
 * The staff list's totals per municipality, filter and data version: the paginator asks for one on every page, and
 * without a status filter it counts every submitted application of the municipality (92,000 in the national
 * benchmark) each time. The municipality is part of the key: staff of two municipalities never share a total.
 */
@ApplicationScoped
public class StaffListCounts extends VersionedCache<StaffListCounts.Key, Long> {

    /** One municipality's count under one filter. */
    public record Key(long municipalityId, ApplicationQueries.Filter filter) {
    }

    public StaffListCounts() {
        super(Duration.ofSeconds(60), 500);
    }

    public Long get(long municipalityId, ApplicationQueries.Filter filter, String dataVersion, Instant now,
                    Supplier<Long> compute) {
        return get(new Key(municipalityId, filter), dataVersion, now, compute);
    }
}
