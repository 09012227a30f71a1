package lab.jmh.cache;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import lab.client.cache.CacheConfig;
import lab.client.cache.CacheStrategy;
import lab.client.cache.Stampede;
import lab.client.cache.StrategyName;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;

/**
 * What each cache strategy costs once it is warm, when many threads read at once: the price of
 * being right about the stampede, paid on every hit. {@code global-lock} (the seed's fix) takes one
 * lock for every read, so all threads queue on it; {@code single-flight} and {@code caffeine} read a
 * concurrent map without a lock; {@code naive} is the same map with no miss protection at all. Two
 * key patterns, as Caffeine's GetPutBenchmark reads: one hot key (every thread on the same entry,
 * the worst case for a lock and for a contended cache line) and a spread of 1024 keys. Four threads on
 * a two-core machine: more readers than cores, so a lock holder can be descheduled while others wait.
 *
 * <p>The misses themselves (one upstream call per key, against the real server) are the stampede
 * bench's subject ({@code results/raw/cache.jsonl}); here the loader answers at once and every key
 * is loaded before the measurement.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Threads(4)
public class CacheReadBenchmark {

    public static final int SPREAD = 1024;

    @Param
    public StrategyName cache;

    @Param({"hot", "spread"})
    public String keys;

    private CacheStrategy strategy;
    private ExecutorService loads;
    private List<String> names;

    @Setup
    public void setUp() {
        loads = Executors.newVirtualThreadPerTaskExecutor();
        strategy = cache.create(CacheConfig.of(key -> "value of " + key, loads));
        names = IntStream.range(0, keys.equals("hot") ? 1 : SPREAD).mapToObj(Stampede::key).toList();
        names.forEach(k -> strategy.get(k).join());
    }

    @Benchmark
    public String read() {
        List<String> n = names;
        return strategy.get(n.get(n.size() == 1 ? 0 : ThreadLocalRandom.current().nextInt(n.size()))).join();
    }

    @TearDown
    public void tearDown() {
        loads.shutdownNow();
    }
}
