package lab.jmh.hash;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import lab.client.hash.algorithm.Cost;
import lab.client.hash.algorithm.PasswordHasher;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * One thread's Argon2id at OWASP's minimum (m = 19 456 KiB, t = 2, p = 1), the lab's hasher
 * (BouncyCastle). Argon2 is memory-hard: its cost is filling and re-reading 19 MiB, so its limit is
 * memory bandwidth, not SHA instructions, and two threads on two cores share one memory bus. The score
 * is hashes per second, the figure the capacity plan scales to 10 M users.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class Argon2idBenchmark {

    private final byte[] salt = new byte[16];
    private PasswordHasher hasher;

    @Setup
    public void setUp() {
        new SplittableRandom(7).nextBytes(salt);
        hasher = PasswordHasher.of(Cost.argon2(Cost.ARGON2_MEMORY_KIB, Cost.ARGON2_ITERATIONS, Cost.ARGON2_PARALLELISM), null);
    }

    @Benchmark
    public String owaspMinimum() {
        return hasher.hash("correct horse battery staple", salt);
    }
}
