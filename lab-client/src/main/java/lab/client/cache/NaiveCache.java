package lab.client.cache;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The stampede: check, miss, load, store. Every caller that misses before the first load has
 * stored its value makes an upstream call of its own, so N concurrent callers of a cold key cost N
 * calls, and so does every expiry of a hot key. Kept as the wrong answer the others are measured
 * against; the map is thread-safe, the check-then-load is not atomic, and that is the whole bug.
 */
final class NaiveCache implements CacheStrategy {

    private final CacheConfig config;
    private final ConcurrentMap<String, Entry> values = new ConcurrentHashMap<>();

    NaiveCache(CacheConfig config) {
        this.config = config;
    }

    @Override
    public CompletableFuture<String> get(String key) {
        Entry cached = values.get(key);
        if (cached != null && cached.isFresh(config.ttl(), config.ticker().nanos())) {
            return CompletableFuture.completedFuture(cached.value());
        }
        return CompletableFuture.supplyAsync(() -> {
            String value = Loads.call(config.upstream(), key);
            values.put(key, new Entry(value, config.ticker().nanos()));
            return value;
        }, config.loads());
    }
}
