package nl.preventiefonds.platform;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Values that are expensive to aggregate at national scale (dashboard figures, register totals, downloads), computed
 * once per key and data version however many callers ask at the same time. The version ({@link DataVersion})
 * changes with every audited change and every new row of the tables it names, so a hit is never older than the data
 * it was computed from; entries also expire after a lifetime, which bounds staleness when a transaction commits an
 * older id late or a row changes outside the services. Per node: a cluster's nodes each compute once per version.
 */
public class VersionedCache<K, V> {
    /** A waiter whose computer is stuck computes for itself after this long. */
    private static final long WAIT_SECONDS = 120;

    private record Key<K>(K key, String dataVersion) {
    }

    private record Entry<V>(CompletableFuture<V> value, Instant created) {
    }

    private final Duration lifetime;
    private final int maxEntries;
    private final Map<Key<K>, Entry<V>> entries = new ConcurrentHashMap<>();

    public VersionedCache(Duration lifetime, int maxEntries) {
        this.lifetime = lifetime;
        this.maxEntries = maxEntries;
    }

    /** The cached value, or what {@code compute} returns when this caller is the first for the key and version. */
    public V get(K key, String dataVersion, Instant now, Supplier<V> compute) {
        Key<K> versioned = new Key<>(key, dataVersion);
        CompletableFuture<V> mine = new CompletableFuture<>();
        Entry<V> entry = entries.compute(versioned, (k, old) -> old == null || expired(old, now)
                || old.value().isCompletedExceptionally() ? new Entry<>(mine, now) : old);
        if (entry.value() != mine) {
            try {
                return entry.value().get(WAIT_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return compute.get();
            } catch (ExecutionException | TimeoutException e) {
                // The other caller failed or hangs: this caller's own transaction tries.
                return compute.get();
            }
        }
        try {
            V value = compute.get();
            mine.complete(value);
            evict(versioned, now);
            return value;
        } catch (RuntimeException | Error e) {
            mine.completeExceptionally(e);
            entries.remove(versioned, entry);
            throw e;
        }
    }

    public int size() {
        return entries.size();
    }

    /**
     * Drops the key's older versions (never asked for again) and expired entries, and all of them when too many keys
     * were asked for.
     */
    private void evict(Key<K> current, Instant now) {
        entries.entrySet().removeIf(e -> expired(e.getValue(), now) || e.getKey().key().equals(current.key())
                && !e.getKey().dataVersion().equals(current.dataVersion()) && e.getValue().value().isDone());
        if (entries.size() > maxEntries) {
            entries.clear();
        }
    }

    private boolean expired(Entry<V> entry, Instant now) {
        return entry.value().isDone() && entry.created().plus(lifetime).isBefore(now);
    }
}
