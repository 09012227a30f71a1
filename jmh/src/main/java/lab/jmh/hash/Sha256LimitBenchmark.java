package lab.jmh.hash;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The physical limit of PBKDF2-HMAC-SHA256 on one core. One PBKDF2 iteration is one HMAC, and an
 * HMAC of a 32-byte message under a key whose pad blocks are already absorbed costs two SHA-256
 * compressions (the inner and the outer hash). The fastest a core can compress is what SHA-256 does on
 * a long buffer, where the per-call work vanishes: one MiB per operation here, 16 384 compressions of
 * 64 bytes. So the limit is {@code ops/s x 16384 / 2} iterations per second; no engine can beat it,
 * and the report puts every engine's iterations per second against it.
 *
 * <p>Run alone: {@code mvn -pl jmh exec:java -Djmh.include=Sha256}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class Sha256LimitBenchmark {

    /** SHA-256 compresses 64-byte blocks: a MiB is this many (the padding block is one more in 16 385). */
    public static final int BLOCKS_PER_OP = (1 << 20) / 64;

    private final byte[] buffer = new byte[1 << 20];
    private MessageDigest sha256;

    @Setup
    public void setUp() throws NoSuchAlgorithmException {
        new SplittableRandom(1).nextBytes(buffer);
        sha256 = MessageDigest.getInstance("SHA-256");
    }

    @Benchmark
    public byte[] oneMebibyte() {
        return sha256.digest(buffer);
    }
}
