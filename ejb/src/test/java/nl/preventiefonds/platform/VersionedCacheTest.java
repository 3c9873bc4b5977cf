package nl.preventiefonds.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import nl.preventiefonds.impact.ImpactDashboardService;
import org.junit.jupiter.api.Test;

class VersionedCacheTest {
    private static final Duration LIFETIME = Duration.ofSeconds(60);
    private static final int MAX = 200;
    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    private static final ImpactDashboardService.Filter ALL = ImpactDashboardService.Filter.all();

    private static ImpactDashboardService.Dashboard figures(long awards) {
        return new ImpactDashboardService.Dashboard(ALL, new ImpactDashboardService.Portfolio(awards, BigDecimal.TEN,
                BigDecimal.ONE, 0, null), List.of(), List.of(), null, null, null, 6000, 1200, List.of(),
                BigDecimal.ZERO);
    }

    @Test
    void fiftyCallersAtOnceComputeOnce() throws Exception {
        VersionedCache<ImpactDashboardService.Filter, ImpactDashboardService.Dashboard> cache =
                new VersionedCache<>(LIFETIME, MAX);
        AtomicInteger computed = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(50);
        try {
            List<Future<ImpactDashboardService.Dashboard>> answers = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return cache.get(ALL, "7/", NOW, () -> {
                        computed.incrementAndGet();
                        sleep(200);
                        return figures(3);
                    });
                }));
            }
            start.countDown();
            for (Future<ImpactDashboardService.Dashboard> answer : answers) {
                assertEquals(3, answer.get(10, TimeUnit.SECONDS).portfolio().awards());
            }
            assertEquals(1, computed.get());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aNewDataVersionOrAnotherFilterIsComputedAgain() {
        VersionedCache<ImpactDashboardService.Filter, ImpactDashboardService.Dashboard> cache =
                new VersionedCache<>(LIFETIME, MAX);
        ImpactDashboardService.Dashboard first = cache.get(ALL, "7/", NOW, () -> figures(3));
        assertSame(first, cache.get(ALL, "7/", NOW.plusSeconds(1), () -> figures(99)));
        assertEquals(4, cache.get(ALL, "8/", NOW.plusSeconds(2), () -> figures(4)).portfolio().awards());
        ImpactDashboardService.Filter year = new ImpactDashboardService.Filter(null, null, null, null, 2025);
        assertEquals(5, cache.get(year, "8/", NOW.plusSeconds(2), () -> figures(5)).portfolio().awards());
    }

    @Test
    void aNewVersionReplacesTheKeysOlderOne() {
        VersionedCache<String, Integer> cache = new VersionedCache<>(LIFETIME, 1);
        assertEquals(1, cache.get("choices", "7/", NOW, () -> 1));
        assertEquals(2, cache.get("choices", "8/", NOW.plusSeconds(1), () -> 2));
        assertEquals(1, cache.size());
        // Kept, not cleared with the old one: the next caller of version 8 is served from the cache.
        assertEquals(2, cache.get("choices", "8/", NOW.plusSeconds(2), () -> 99));
    }

    @Test
    void figuresExpireAfterTheirLifetimeEvenIfTheVersionStaysTheSame() {
        VersionedCache<ImpactDashboardService.Filter, ImpactDashboardService.Dashboard> cache =
                new VersionedCache<>(LIFETIME, MAX);
        cache.get(ALL, "7/", NOW, () -> figures(3));
        Instant later = NOW.plus(LIFETIME).plusSeconds(1);
        assertEquals(4, cache.get(ALL, "7/", later, () -> figures(4)).portfolio().awards());
    }

    @Test
    void aFailureIsNotKeptAndManyFiltersDoNotGrowWithoutBound() {
        VersionedCache<ImpactDashboardService.Filter, ImpactDashboardService.Dashboard> cache =
                new VersionedCache<>(LIFETIME, MAX);
        assertThrows(IllegalStateException.class, () -> cache.get(ALL, "7/", NOW, () -> {
            throw new IllegalStateException("database gone");
        }));
        assertEquals(3, cache.get(ALL, "7/", NOW, () -> figures(3)).portfolio().awards());
        for (int year = 2000; year < 2000 + MAX + 10; year++) {
            cache.get(new ImpactDashboardService.Filter(null, null, null, null, year), "7/", NOW, () -> figures(1));
        }
        assertTrue(cache.size() <= MAX, "entries: " + cache.size());
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
