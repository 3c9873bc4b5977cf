package nl.preventiefonds.fund.web;

import jakarta.inject.Inject;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Optional;
import java.util.function.LongSupplier;
import nl.preventiefonds.fund.Fund;
import nl.preventiefonds.fund.FundDirectory;

/**
 * The fund and municipality names every page header shows. They change only when a fund manager renames the
 * primary fund, so they are read at most once per {@link #LIFETIME} instead of once per page; this node forgets them
 * at once when a fund is saved here, other nodes of a cluster within the lifetime.
 */
@ApplicationScoped
public class FundHeader {
    static final Duration LIFETIME = Duration.ofSeconds(30);

    /** The names, or the product's name when no fund exists yet. */
    public record Names(String fundName, String municipalityName) {
        static final Names NONE = new Names("Preventiefonds", "");
    }

    private record Entry(Names names, long readAt) {
    }

    @Inject
    private FundDirectory funds;

    private final LongSupplier nanoTime;
    private volatile Entry entry;

    public FundHeader() {
        this(System::nanoTime);
    }

    FundHeader(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
    }

    public Names names() {
        Entry current = entry;
        long now = nanoTime.getAsLong();
        if (current == null || now - current.readAt() >= LIFETIME.toNanos()) {
            current = new Entry(read(), now);
            entry = current;
        }
        return current.names();
    }

    /** After a fund was saved on this node. */
    public void forget() {
        entry = null;
    }

    Names read() {
        Optional<Fund> fund = funds.primaryFund();
        return fund.map(f -> new Names(f.getName(), f.getMunicipality() == null ? ""
                : f.getMunicipality().getName())).orElse(Names.NONE);
    }
}
