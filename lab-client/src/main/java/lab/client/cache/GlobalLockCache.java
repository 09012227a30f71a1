package lab.client.cache;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The seed's fix: one lock around check, load and store. Correct for one key (the second caller
 * finds the value the first stored), but the lock is held across the remote call, so callers of
 * <em>different</em> keys wait for each other too: K cold keys cost K latencies end to end instead
 * of one, and a failed load lets the next waiter in to try again, so a failing key is called once per
 * waiter, one after the other.
 */
final class GlobalLockCache implements CacheStrategy {

    private final CacheConfig config;
    private final ReentrantLock lock = new ReentrantLock();
    private final Map<String, Entry> values = new HashMap<>(); // guarded by lock

    GlobalLockCache(CacheConfig config) {
        this.config = config;
    }

    @Override
    public CompletableFuture<String> get(String key) {
        // The lock is taken on a load thread, not the caller's: a caller that gives up leaves the
        // queue of the lock as it is, and a load already running is never interrupted.
        return CompletableFuture.supplyAsync(() -> {
            lock.lock();
            try {
                Entry cached = values.get(key);
                if (cached != null && cached.isFresh(config.ttl(), config.ticker().nanos())) {
                    return cached.value();
                }
                String value = Loads.call(config.upstream(), key);
                values.put(key, new Entry(value, config.ticker().nanos()));
                return value;
            } finally {
                lock.unlock();
            }
        }, config.loads());
    }
}
