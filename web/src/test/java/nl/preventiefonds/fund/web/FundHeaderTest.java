package nl.preventiefonds.fund.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class FundHeaderTest {
    private final AtomicLong nanos = new AtomicLong(1_000);
    private final AtomicInteger reads = new AtomicInteger();
    private final FundHeader header = new FundHeader(nanos::get) {
        @Override
        Names read(Long municipalityId) {
            return new Names("Fonds " + reads.incrementAndGet(), municipalityId == null ? "" : "Gemeente "
                    + municipalityId);
        }
    };

    @Test
    void readsOncePerLifetime() {
        assertEquals("Fonds 1", header.names(1L).fundName());
        nanos.addAndGet(FundHeader.LIFETIME.toNanos() - 1);
        assertEquals("Fonds 1", header.names(1L).fundName(), "still within the lifetime");
        nanos.addAndGet(1);
        assertEquals("Fonds 2", header.names(1L).fundName(), "read again once the lifetime is over");
        assertEquals(2, reads.get());
    }

    @Test
    void eachMunicipalityHasItsOwnNames() {
        assertEquals("Gemeente 1", header.names(1L).municipalityName());
        assertEquals("Gemeente 2", header.names(2L).municipalityName(), "not the names of the first one asked");
        assertEquals("", header.names(null).municipalityName(), "nobody's municipality");
        assertEquals("Gemeente 1", header.names(1L).municipalityName());
        assertEquals(3, reads.get(), "each read once");
    }

    @Test
    void forgetsAtOnceWhenAFundIsSaved() {
        assertEquals("Fonds 1", header.names(1L).fundName());
        header.forget();
        assertEquals("Fonds 2", header.names(1L).fundName());
        assertEquals("Gemeente 1", header.names(1L).municipalityName());
    }
}
