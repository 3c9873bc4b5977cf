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
        Names read() {
            return new Names("Fonds " + reads.incrementAndGet(), "Assen");
        }
    };

    @Test
    void readsOncePerLifetime() {
        assertEquals("Fonds 1", header.names().fundName());
        nanos.addAndGet(FundHeader.LIFETIME.toNanos() - 1);
        assertEquals("Fonds 1", header.names().fundName(), "still within the lifetime");
        nanos.addAndGet(1);
        assertEquals("Fonds 2", header.names().fundName(), "read again once the lifetime is over");
        assertEquals(2, reads.get());
    }

    @Test
    void forgetsAtOnceWhenAFundIsSaved() {
        assertEquals("Fonds 1", header.names().fundName());
        header.forget();
        assertEquals("Fonds 2", header.names().fundName());
        assertEquals("Assen", header.names().municipalityName());
    }
}
