package lab.client.cache;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import lab.client.api.LabApi;
import lab.client.cli.Progress;

/** One measured stampede, as the {@code cache} command and the tour run it. */
public final class StampedeRun {

    private StampedeRun() {
    }

    public static StampedeResult measure(LabApi api, StrategyName strategy, int callers, int keys, Duration ttl,
                                         Progress progress) throws InterruptedException {
        try (ExecutorService loads = Executors.newVirtualThreadPerTaskExecutor()) {
            BoundedHttpUpstream items = BoundedHttpUpstream.of(api);
            Stampede stampede = new Stampede(api, callers, keys);
            // Untimed and uncounted: the same stampede on a cache of its own, every key loaded from
            // /health, so the timed run below finds warm code, a started scheduler and open connections.
            // The second such run is the client's own cost: the same callers, loads and round trips
            // with an upstream that answers at once, reported next to the timed run as its overhead.
            Upstream health = items.withAddress(key -> api.base().resolve("/health"));
            stampede.run(strategy, strategy.create(CacheConfig.of(health, loads)), 0, Progress.silent());
            double overheadMs = stampede.run(strategy, strategy.create(CacheConfig.of(health, loads)), 0, Progress.silent()).wallMs();
            CacheConfig config = CacheConfig.of(items, loads).withTtl(ttl);
            return stampede.run(strategy, strategy.create(config), ttl.toMillis(), progress).withClientOverheadMs(overheadMs);
        }
    }
}
