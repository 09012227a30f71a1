package lab.jmh.hash;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import lab.client.hash.algorithm.Cost;
import lab.client.hash.algorithm.Pbkdf2Engine;
import lab.client.hash.strategy.BatchHasher;
import lab.client.hash.strategy.Patience;
import lab.client.hash.strategy.Strategy;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * "Which worker count is best, and why?" answered by the data: the migration's own batch hashers
 * ({@link BatchHasher}, what {@code hash migrate} runs) at every worker count from 1 to twice the
 * cores, in platform threads, virtual threads (the cores' count, and the seed's 100) and child JVMs.
 * An operation is one password; an invocation hashes a batch of {@link #BATCH}, as a migration does,
 * so the score is hashes per second of the whole pool. Hashing is pure CPU: the curve should rise to
 * the core count and stay flat (or sag with switching) after it; the report fits Gunther's Universal
 * Scalability Law to it and reads the best count off the fit and the data.
 *
 * <p>PBKDF2 at 20 000 iterations on the JDK engine: a hash of about 4 ms per core, long enough that
 * handing out work is noise, short enough that a one-second iteration sees hundreds. The parameter
 * {@code workers} is {@code strategy:count}; the suite sets its values from the machine's cores.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@OperationsPerInvocation(HashWorkersBenchmark.BATCH)
public class HashWorkersBenchmark {

    public static final int BATCH = 48;
    public static final int ITERATIONS = 20_000;

    @Param({"sequential:1", "threads:2"})
    public String workers;

    private BatchHasher hasher;
    private List<String> passwords;

    /** sequential:1, threads:1..2C, virtual:C and virtual:100, processes:1..C. */
    public static List<String> workerCounts() {
        int cores = Runtime.getRuntime().availableProcessors();
        List<String> counts = new ArrayList<>(List.of("sequential:1"));
        IntStream.rangeClosed(1, 2 * cores).forEach(k -> counts.add("threads:" + k));
        counts.add("virtual:" + cores);
        counts.add("virtual:100");
        IntStream.rangeClosed(1, cores).forEach(k -> counts.add("processes:" + k));
        return counts;
    }

    @Setup
    public void setUp() {
        String[] parts = workers.split(":");
        // Child JVMs warm up for a second before the trial, as migrate's do before its clock; the
        // watchdog's patience is set from a deliberately low rate, so a slow round is never taken for a hung child.
        hasher = BatchHasher.of(Strategy.valueOf(parts[0]), Integer.parseInt(parts[1]), Cost.pbkdf2(ITERATIONS), Pbkdf2Engine.jdk,
                Duration.ofSeconds(1), Patience.at(50));
        passwords = IntStream.range(0, BATCH).mapToObj(i -> "password-" + i).toList();
    }

    @Benchmark
    public List<String> batch() {
        return hasher.hash(passwords, done -> { });
    }

    @TearDown
    public void tearDown() {
        hasher.close();
    }
}
