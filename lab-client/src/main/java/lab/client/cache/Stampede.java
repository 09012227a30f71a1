package lab.client.cache;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import lab.client.api.LabApi;
import lab.server.stats.ServerStats;
import lab.client.cli.Progress;
import lab.server.stats.Percentiles;
import org.HdrHistogram.Histogram;

/**
 * N callers ask for K keys through a cache that starts empty, all at the same moment: caller i asks
 * for {@code key-(i mod K)}. Every caller runs on a virtual thread of its own and waits behind one
 * start signal, so they all miss together, which is the stampede. The server's figures, reset
 * before and read after, say how many upstream calls it cost.
 */
public final class Stampede {

    private final LabApi api;
    private final int callers;
    private final int keys;

    public Stampede(LabApi api, int callers, int keys) {
        if (callers < 1 || keys < 1 || keys > callers) {
            throw new IllegalArgumentException("need 1 <= keys <= callers, got " + keys + " keys for " + callers + " callers");
        }
        this.api = api;
        this.callers = callers;
        this.keys = keys;
    }

    public static String key(int index) {
        return "key-" + index;
    }

    public StampedeResult run(StrategyName name, CacheStrategy cache, long ttlMs, Progress progress) throws InterruptedException {
        api.resetStats();
        Histogram waits = Percentiles.newMicrosHistogram();
        AtomicLong errors = new AtomicLong();
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>(callers);
        AtomicLong startNanos = new AtomicLong(); // set just before the start signal, read after it
        for (int i = 0; i < callers; i++) {
            String key = key(i % keys);
            threads.add(Thread.ofVirtual().name("caller-" + i).start(() -> {
                try {
                    start.await();
                    String value = cache.get(key).join();
                    if (!value.contains("\"id\":\"" + key + "\"")) {
                        errors.incrementAndGet(); // a value for another key: counted as wrong, not as served
                    }
                } catch (CompletionException e) {
                    errors.incrementAndGet();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                waits.recordValue(Math.max(0, (System.nanoTime() - startNanos.get()) / 1_000));
                progress.advance(1);
            }));
        }
        startNanos.set(System.nanoTime());
        start.countDown();
        for (Thread t : threads) {
            t.join();
        }
        double wallMs = (System.nanoTime() - startNanos.get()) / 1e6;
        ServerStats stats = api.stats();
        return summarize(name, stats, errors.get(), wallMs, waits, ttlMs);
    }

    private StampedeResult summarize(StrategyName name, ServerStats stats, long errors, double wallMs, Histogram waits, long ttlMs) {
        double meanServiceMs = stats.accepted() == 0 ? 0 : (double) stats.serviceMsSum() / stats.accepted();
        double boundMs = Math.max(keys * meanServiceMs / stats.limit(), stats.serviceMsMax());
        double serialMs = keys * meanServiceMs;
        return new StampedeResult(name.cliName(), callers, keys, stats.accepted(), keys, errors, stats.rejected(),
                round(wallMs), round(callers / (wallMs / 1000)), Percentiles.of(waits), round(boundMs), round(serialMs),
                round(boundMs / wallMs), ttlMs, 0);
    }

    private static double round(double x) {
        return Math.round(x * 1000) / 1000.0;
    }
}
