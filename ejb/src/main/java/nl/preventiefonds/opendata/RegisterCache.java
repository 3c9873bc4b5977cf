package nl.preventiefonds.opendata;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import nl.preventiefonds.platform.VersionedCache;

/**
 * What every visitor of the register asks for and what costs a scan of all awards at national scale: the totals per
 * filter, the year and neighbourhood choices, and the 360Giving files. The page rows are read live (an index walk).
 */
@ApplicationScoped
public class RegisterCache {
    static final Duration LIFETIME = Duration.ofSeconds(60);

    private final VersionedCache<OpenFilter, Long> counts = new VersionedCache<>(LIFETIME, 500);
    private final VersionedCache<String, Object> shared = new VersionedCache<>(LIFETIME, 20);

    public VersionedCache<OpenFilter, Long> counts() {
        return counts;
    }

    /** Keyed by what it holds ("years", "neighbourhoods", "360giving.json", ...). */
    public VersionedCache<String, Object> shared() {
        return shared;
    }
}
