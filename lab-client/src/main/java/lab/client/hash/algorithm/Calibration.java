package lab.client.hash.algorithm;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * One thread's hash rate at a given cost, measured in the same run as the work it is compared
 * with (this machine is small and noisy: a rate from another run is not a bound for this one).
 * A warm-up lets the JIT compile the hot loop first; the timed part then lasts at least
 * {@code measure} and at least three hashes, so a slow cost (0.1 s a hash) still gets a rate.
 */
public record Calibration(double hashesPerSecond, long hashes, long nanos) {

    private static final int MIN_HASHES = 3;

    public static Calibration measure(PasswordHasher hasher, Duration warmup, Duration measure, LongSupplier nanoClock) {
        SecureRandom random = new SecureRandom();
        byte[] salt = new byte[PasswordHasher.SALT_BYTES];
        long sink = 0;
        long start = nanoClock.getAsLong();
        do {
            random.nextBytes(salt);
            sink += hasher.hash("calibration", salt).length();
        } while (nanoClock.getAsLong() - start < warmup.toNanos());
        long hashes = 0;
        start = nanoClock.getAsLong();
        long elapsed;
        do {
            random.nextBytes(salt);
            sink += hasher.hash("calibration", salt).length();
            hashes++;
            elapsed = nanoClock.getAsLong() - start;
        } while (elapsed < measure.toNanos() || hashes < MIN_HASHES);
        if (sink == 42) { // keeps the hashes observable, so none is optimised away
            System.err.print("");
        }
        return new Calibration(hashes * 1e9 / elapsed, hashes, elapsed);
    }

    public static Calibration measure(PasswordHasher hasher, Duration warmup, Duration measure) {
        return measure(hasher, warmup, measure, System::nanoTime);
    }

    /** Both PBKDF2 engines at the same cost, one after the other on this thread. */
    public static Map<Pbkdf2Engine, Calibration> pbkdf2Engines(Cost cost, Duration warmup, Duration measure) {
        Map<Pbkdf2Engine, Calibration> rates = new EnumMap<>(Pbkdf2Engine.class);
        for (Pbkdf2Engine engine : Pbkdf2Engine.values()) {
            rates.put(engine, measure(PasswordHasher.of(cost, engine), warmup, measure));
        }
        return rates;
    }
}
