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
    /** One entry: the choices do not depend on a key. */
    private final VersionedCache<Boolean, OpenRegister.Choices> choices = new VersionedCache<>(LIFETIME, 1);
    /** By file name. */
    private final VersionedCache<String, String> downloads = new VersionedCache<>(LIFETIME, 2);

    public VersionedCache<OpenFilter, Long> counts() {
        return counts;
    }

    public VersionedCache<Boolean, OpenRegister.Choices> choices() {
        return choices;
    }

    public VersionedCache<String, String> downloads() {
        return downloads;
    }
}
