package lab.server.behavior;

import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Decides what the n-th accepted request does, from {@code --seed}, {@code --latency} and
 * {@code --fault-rate} alone.
 *
 * <p>Each request gets its own random stream, keyed by (seed, n): the draws are a pure function of
 * the acceptance number, not of which event-loop thread got there first, so the same seed and the
 * same load repeat the same service times. A retry of a failed id is a new acceptance with a new n,
 * so a fault is never stuck to an id. Every request consumes its draws in a fixed order (fault,
 * fault kind, latency), so changing the fault rate does not change any latency.
 */
public final class BehaviorPlanner {

    private final LatencyModel latency;
    private final double faultRate;
    private final long seed;

    public BehaviorPlanner(LatencyModel latency, double faultRate, long seed) {
        this.latency = Objects.requireNonNull(latency, "latency");
        if (!(faultRate >= 0 && faultRate <= 1)) {
            throw new IllegalArgumentException("fault rate must be from 0 to 1, got " + faultRate);
        }
        this.faultRate = faultRate;
        this.seed = seed;
    }

    /** The behaviour of the request accepted {@code n}-th (0-based), with the query's overrides applied. */
    public Behavior plan(long n, Overrides overrides) {
        SplittableRandom random = new SplittableRandom(streamSeed(seed, n));
        boolean faulty = random.nextDouble() < faultRate;
        Fault drawnFault = faulty ? (random.nextBoolean() ? Fault.ERROR_500 : Fault.ERROR_503) : skip(random);
        long drawnMs = latency.drawMs(random);
        return new Behavior(overrides.delayMs().orElse(drawnMs), overrides.fault().orElse(drawnFault));
    }

    public LatencyModel latency() {
        return latency;
    }

    public double faultRate() {
        return faultRate;
    }

    public long seed() {
        return seed;
    }

    /** Consumes the fault-kind draw a healthy request does not need, to keep the draw order fixed. */
    private static Fault skip(SplittableRandom random) {
        random.nextBoolean();
        return Fault.NONE;
    }

    /**
     * A well-mixed seed per (seed, n). SplittableRandom's own seeding would give neighbouring n
     * overlapping streams (stream n+1 would be stream n shifted by one), so both parts go through the
     * SplitMix64 finaliser first.
     */
    static long streamSeed(long seed, long n) {
        return mix(seed ^ mix(n + 0x9E3779B97F4A7C15L));
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
