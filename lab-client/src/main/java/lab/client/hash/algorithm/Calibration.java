package lab.client.hash.algorithm;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * One thread's hash rate at a given cost, measured in the same run as the work it is compared
 * with (this machine is small and noisy: a rate from another run is not a bound for this one).
 *
 * <p>Warm-up is not a fixed time: the JIT takes a second or more to compile the hot loop to the CPU's
 * SHA instructions, and a bound taken too early flatters every strategy (efficiency 1.3 was seen
 * here with a one-second warm-up). So the rate is taken in rounds of half the measuring time until
 * two rounds in a row agree within 2 % (or ten rounds have passed). The timed part then lasts
 * {@code measure}, in four rounds of at least three hashes each (so a slow cost, 0.1 s a hash, still
 * gets a rate), and the rate is the best round's: a bound is what one thread was seen to reach,
 * not its average over moments when a neighbour took the core.
 */
public record Calibration(double hashesPerSecond, long hashes, long nanos) {

    private static final int MIN_HASHES = 3;
    private static final int MAX_WARMUP_ROUNDS = 10;
    private static final double STEADY = 0.02;
    private static final int TIMED_ROUNDS = 4;

    public static Calibration measure(PasswordHasher hasher, Duration warmup, Duration measure, LongSupplier nanoClock) {
        Round round = new Round(hasher, nanoClock);
        warmUp(round, warmup);
        Calibration best = null;
        for (int i = 0; i < TIMED_ROUNDS; i++) {
            Calibration timed = round.timed(measure.toNanos() / TIMED_ROUNDS);
            if (best == null || timed.hashesPerSecond() > best.hashesPerSecond()) {
                best = timed;
            }
        }
        return best;
    }

    /**
     * Hashes on this thread, in rounds of half {@code warmup}, until two rounds in a row agree
     * within 2 % (or ten rounds have passed), so that what follows runs compiled code; returns the
     * last round's rate. A {@code processes} child does this before it reports ready.
     */
    public static double warmUp(PasswordHasher hasher, Duration warmup) {
        return warmUp(new Round(hasher, System::nanoTime), warmup);
    }

    private static double warmUp(Round round, Duration warmup) {
        double previous = round.rate(warmup.toNanos() / 2);
        for (int i = 1; i < MAX_WARMUP_ROUNDS; i++) {
            double rate = round.rate(warmup.toNanos() / 2);
            if (Math.abs(rate - previous) <= STEADY * previous) {
                return rate;
            }
            previous = rate;
        }
        return previous;
    }

    /** Hashing rounds on one thread, with fresh salts, keeping the results observable. */
    private static final class Round {

        private final PasswordHasher hasher;
        private final LongSupplier clock;
        private final SecureRandom random = new SecureRandom();
        private final byte[] salt = new byte[PasswordHasher.SALT_BYTES];
        private long sink;

        Round(PasswordHasher hasher, LongSupplier clock) {
            this.hasher = hasher;
            this.clock = clock;
        }

        double rate(long nanos) {
            return timed(nanos).hashesPerSecond();
        }

        Calibration timed(long nanos) {
            long hashes = 0;
            long start = clock.getAsLong();
            long elapsed;
            do {
                random.nextBytes(salt);
                sink += hasher.hash("calibration", salt).length();
                hashes++;
                elapsed = clock.getAsLong() - start;
            } while (elapsed < nanos || hashes < MIN_HASHES);
            if (sink == 42) { // keeps the hashes observable, so none is optimised away
                System.err.print("");
            }
            return new Calibration(hashes * 1e9 / Math.max(1, elapsed), hashes, elapsed);
        }
    }

    public static Calibration measure(PasswordHasher hasher, Duration warmup, Duration measure) {
        return measure(hasher, warmup, measure, System::nanoTime);
    }

    /** Every PBKDF2 engine this JVM can run, at the same cost, one after the other on this thread. */
    public static Map<Pbkdf2Engine, Calibration> pbkdf2Engines(Cost cost, Duration warmup, Duration measure) {
        Map<Pbkdf2Engine, Calibration> rates = new EnumMap<>(Pbkdf2Engine.class);
        for (Pbkdf2Engine engine : Pbkdf2Engine.values()) {
            if (engine.unavailable() != null) {
                continue; // e.g. direct without its --add-opens: auto picks among the others
            }
            rates.put(engine, measure(PasswordHasher.of(cost, engine), warmup, measure));
        }
        return rates;
    }
}
