package lab.client.cache;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * One load in flight per key: the first caller that misses starts the load, every caller of the
 * same key that comes while it runs waits for that same load, and callers of other keys are not
 * held up at all. Written by hand because writing it is the lesson; {@link CaffeineCache} is the
 * library doing the same.
 *
 * <p>Three details carry the semantics:
 * <ul>
 *   <li>the shared load is registered with {@code putIfAbsent}, and only the caller that registered
 *       it starts it, so the load never runs inside the map's own lock;</li>
 *   <li>a load stores its value <em>before</em> it leaves the in-flight map, and a caller that wins a
 *       registration looks at the values again; so a caller that missed just as a load finished finds
 *       its value instead of loading a second time;</li>
 *   <li>each caller gets a {@link CompletableFuture#copy() copy} of the shared load: cancelling your
 *       copy ends your wait only. A failed load leaves the in-flight map and stores nothing, so all
 *       its waiters get the error and the next caller starts afresh.</li>
 * </ul>
 */
final class SingleFlightCache implements CacheStrategy {

    private final CacheConfig config;
    private final ConcurrentMap<String, Entry> values = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, CompletableFuture<String>> inFlight = new ConcurrentHashMap<>();

    SingleFlightCache(CacheConfig config) {
        this.config = config;
    }

    @Override
    public CompletableFuture<String> get(String key) {
        Entry cached = values.get(key);
        if (isFresh(cached)) {
            return CompletableFuture.completedFuture(cached.value());
        }
        CompletableFuture<String> mine = new CompletableFuture<>();
        CompletableFuture<String> shared = inFlight.putIfAbsent(key, mine);
        if (shared == null) {
            shared = mine;
            start(key, mine);
        }
        return shared.copy();
    }

    private void start(String key, CompletableFuture<String> load) {
        Entry stored = values.get(key); // a load may have finished between our miss and our registration
        if (isFresh(stored)) {
            inFlight.remove(key, load);
            load.complete(stored.value());
            return;
        }
        config.loads().execute(() -> {
            try {
                String value = Loads.call(config.upstream(), key);
                values.put(key, new Entry(value, config.ticker().nanos()));
                inFlight.remove(key, load);
                load.complete(value);
            } catch (Throwable e) {
                inFlight.remove(key, load);
                load.completeExceptionally(e);
            }
        });
    }

    private boolean isFresh(Entry entry) {
        return entry != null && entry.isFresh(config.ttl(), config.ticker().nanos());
    }
}
