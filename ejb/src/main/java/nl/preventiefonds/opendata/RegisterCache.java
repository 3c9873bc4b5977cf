package nl.preventiefonds.opendata;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import nl.preventiefonds.platform.VersionedCache;

/**
 * What every visitor of the register asks for and what costs a scan of all awards at national scale: the totals per
 * filter, the year and neighbourhood choices, and the 360Giving files. The page rows are read live (an index walk).
 *
 * <p>Per municipality (issue 18): every key holds the municipality's CBS code ("" for all municipalities), so one
 * municipality's entry never answers for another. Only codes of municipalities that exist reach a key (the register
 * checks them first), so the entries stay bounded by the number of municipalities of an installation (the
 * Netherlands has fewer than {@link #MUNICIPALITIES}); past a cache's bound it starts afresh.
 */
@ApplicationScoped
public class RegisterCache {
    static final Duration LIFETIME = Duration.ofSeconds(60);
    /** More than the municipalities of the Netherlands (342 in 2025), plus "all". */
    static final int MUNICIPALITIES = 400;

    private final VersionedCache<OpenFilter, Long> counts = new VersionedCache<>(LIFETIME, 500);
    /** By municipality code ("" = all). */
    private final VersionedCache<String, OpenRegister.Choices> choices = new VersionedCache<>(LIFETIME,
            MUNICIPALITIES);
    /** By municipality code ("" = all) and file name, e.g. "GM0106/360giving.csv". */
    private final VersionedCache<String, String> downloads = new VersionedCache<>(LIFETIME, 2 * MUNICIPALITIES);
    /** One entry: the municipalities that have published awards. */
    private final VersionedCache<Boolean, List<OpenRegister.OpenMunicipality>> municipalities =
            new VersionedCache<>(LIFETIME, 1);

    public VersionedCache<OpenFilter, Long> counts() {
        return counts;
    }

    public VersionedCache<String, OpenRegister.Choices> choices() {
        return choices;
    }

    public VersionedCache<String, String> downloads() {
        return downloads;
    }

    public VersionedCache<Boolean, List<OpenRegister.OpenMunicipality>> municipalities() {
        return municipalities;
    }
}
