package lab.jmh.hash;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import lab.client.hash.algorithm.Pbkdf2Engine;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * One thread's PBKDF2-HMAC-SHA256 per engine of the lab ({@link Pbkdf2Engine}: every constant is a
 * row, so an engine the lab gains is timed without an edit here). The score is hashes per second at
 * {@link #iterations}; times the iterations it is PBKDF2 iterations per second, which the report sets
 * against {@link Sha256LimitBenchmark}'s limit. The lesson: the same standard, byte for byte, can cost
 * twice as much depending on whether the HMAC keeps its keyed pad states and whether SHA-256 runs on
 * the CPU's SHA instructions (HotSpot's intrinsic) or in plain Java arithmetic.
 *
 * <p>10 000 iterations keep an operation near a millisecond, so per-hash set-up (a key object, a
 * provider lookup) still shows without dominating; at OWASP's 600 000 the score is this one / 60.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class Pbkdf2EngineBenchmark {

    @Param
    public Pbkdf2Engine engine;

    @Param("10000")
    public int iterations;

    private final byte[] salt = new byte[16];
    private String password;

    @Setup
    public void setUp() {
        new SplittableRandom(7).nextBytes(salt);
        password = "correct horse battery staple";
    }

    @Benchmark
    public byte[] derive() {
        return engine.derive(password, salt, iterations, 32);
    }
}
