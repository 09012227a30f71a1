package lab.client.cache;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Wrong on purpose: a single flight that hands every caller the one shared future of the load. It
 * makes one call per key and reloads an expired key once, but the first caller that gives up
 * ({@code cancel}) cancels the answer for everyone waiting on the same load. Kept to show that the
 * contract catches it.
 */
final class SharedFutureSingleFlight implements CacheStrategy {

    /** A load and the tick it finished at (0 while it runs). */
    private record Load(CompletableFuture<String> future, long[] doneAt) {
    }

    private final CacheConfig config;
    private final ConcurrentMap<String, Load> loads = new ConcurrentHashMap<>();

    SharedFutureSingleFlight(CacheConfig config) {
        this.config = config;
    }

    @Override
    public CompletableFuture<String> get(String key) {
        while (true) {
            Load current = loads.get(key);
            if (current != null && !expired(current)) {
                return current.future();
            }
            Load mine = new Load(new CompletableFuture<>(), new long[1]);
            boolean won = current == null ? loads.putIfAbsent(key, mine) == null : loads.replace(key, current, mine);
            if (won) {
                start(key, mine);
                return mine.future();
            }
        }
    }

    private boolean expired(Load load) {
        synchronized (load) {
            return load.future().isDone() && !config.ttl().isZero()
                    && config.ticker().nanos() - load.doneAt()[0] >= config.ttl().toNanos();
        }
    }

    private void start(String key, Load load) {
        config.loads().execute(() -> {
            try {
                String value = Loads.call(config.upstream(), key);
                synchronized (load) {
                    load.doneAt()[0] = config.ticker().nanos();
                }
                load.future().complete(value);
            } catch (Throwable e) {
                loads.remove(key, load);
                load.future().completeExceptionally(e);
            }
        });
    }
}
