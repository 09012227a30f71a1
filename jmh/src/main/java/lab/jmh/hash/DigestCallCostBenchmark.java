package lab.jmh.hash;

import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * What one PBKDF2 iteration costs through {@code MessageDigest} beyond its two SHA-256
 * compressions. {@code MessageDigest} cannot be set to a state, so an HMAC whose pads are absorbed
 * once (the lab's {@code pads} engine) must clone the keyed inner and outer digests every iteration:
 * {@link #clonePair} is that allocation alone (four objects a clone), {@link #hmacByClones} a whole
 * iteration (two clones, two updates of 32 bytes, two digests into a reused array, each digest
 * padding, compressing, writing its output and resetting a clone that is then dropped). Set beside
 * {@link Sha256LimitBenchmark} (one compression: its op time / 16 384) and
 * {@link Pbkdf2EngineBenchmark} (an iteration of each engine: its op time / the iterations), this
 * says where an iteration's time goes; the GC profiler gives the bytes per operation.
 *
 * <p>Run beside them: {@code ./lab jmh -Djmh.include='Sha256|Pbkdf2|DigestCallCost'}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class DigestCallCostBenchmark {

    private MessageDigest inner;
    private MessageDigest outer;
    private final byte[] u = new byte[32];

    @Setup
    public void setUp() throws NoSuchAlgorithmException {
        byte[] key = "correct horse battery staple".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        inner = keyed(key, (byte) 0x36);
        outer = keyed(key, (byte) 0x5c);
        Arrays.fill(u, (byte) 7);
    }

    private static MessageDigest keyed(byte[] key, byte pad) throws NoSuchAlgorithmException {
        byte[] block = new byte[64];
        Arrays.fill(block, pad);
        for (int i = 0; i < key.length; i++) {
            block[i] ^= key[i];
        }
        MessageDigest d = MessageDigest.getInstance("SHA-256");
        d.update(block);
        return d;
    }

    @Benchmark
    public void clonePair(Blackhole bh) throws CloneNotSupportedException {
        bh.consume(inner.clone());
        bh.consume(outer.clone());
    }

    @Benchmark
    public byte[] hmacByClones() throws CloneNotSupportedException, DigestException {
        MessageDigest in = (MessageDigest) inner.clone();
        in.update(u, 0, 32);
        in.digest(u, 0, 32);
        MessageDigest out = (MessageDigest) outer.clone();
        out.update(u, 0, 32);
        out.digest(u, 0, 32);
        return u;
    }
}
