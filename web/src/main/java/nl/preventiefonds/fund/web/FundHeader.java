package nl.preventiefonds.fund.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import nl.preventiefonds.fund.Fund;
import nl.preventiefonds.fund.FundDirectory;
import nl.preventiefonds.municipality.Municipality;
import nl.preventiefonds.municipality.MunicipalityDirectory;

/**
 * The fund and municipality names every page header shows: of the municipality a member of staff works for, or, for
 * everyone else, of the installation's only municipality (none when it serves several). They change only when a
 * fund manager renames a fund, so they are read at most once per {@link #LIFETIME} per municipality instead of once
 * per page; this node forgets them at once when a fund is saved here, other nodes of a cluster within the lifetime.
 */
@ApplicationScoped
public class FundHeader {
    static final Duration LIFETIME = Duration.ofSeconds(30);
    /** The key of the names shown to those who work for no municipality. */
    private static final long NO_MUNICIPALITY = -1;

    /** The names, or the product's name when there is no single fund to name. */
    public record Names(String fundName, String municipalityName) {
        static final String PRODUCT = "Preventiefonds";
        static final Names NONE = new Names(PRODUCT, "");
    }

    private record Entry(Names names, long readAt) {
    }

    @Inject
    private FundDirectory funds;

    @Inject
    private MunicipalityDirectory municipalities;

    private final LongSupplier nanoTime;
    private final Map<Long, Entry> entries = new ConcurrentHashMap<>();

    public FundHeader() {
        this(System::nanoTime);
    }

    FundHeader(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
    }

    /** The names for someone working for this municipality, or for no municipality when null. */
    public Names names(Long municipalityId) {
        long key = municipalityId == null ? NO_MUNICIPALITY : municipalityId;
        Entry current = entries.get(key);
        long now = nanoTime.getAsLong();
        if (current == null || now - current.readAt() >= LIFETIME.toNanos()) {
            current = new Entry(read(municipalityId), now);
            entries.put(key, current);
        }
        return current.names();
    }

    /** After a fund was saved on this node. */
    public void forget() {
        entries.clear();
    }

    Names read(Long municipalityId) {
        Optional<Municipality> municipality = municipalityId == null ? municipalities.soleMunicipality()
                : municipalities.find(municipalityId);
        return municipality.map(m -> {
            List<Fund> ofMunicipality = funds.fundsOf(m.getId());
            // One fund is named; several share the product's name under the municipality's.
            return new Names(ofMunicipality.size() == 1 ? ofMunicipality.get(0).getName() : Names.PRODUCT,
                    m.getName());
        }).orElse(Names.NONE);
    }
}
