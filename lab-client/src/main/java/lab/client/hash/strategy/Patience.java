package lab.client.hash.strategy;

import java.time.Duration;

/**
 * How long a {@code processes} parent waits for its children before it calls them hung, kills them
 * and gives the batch back: {@code floor} plus ten times what the work should take at the measured
 * one-thread rate (ten, because this machine may be shared and a rate is a best round, not a
 * promise). Worked number: 250 hashes a child at 46 hashes/s is 5.4 s of work, so 30 s + 54 s.
 * Without it a parent blocked reading a frozen child would hold its claim for ever.
 */
public record Patience(Duration floor, double singleThreadHps) {

    public static final Duration FLOOR = Duration.ofSeconds(30);
    private static final double SLACK = 10;

    public Patience {
        if (!(singleThreadHps > 0)) {
            throw new IllegalArgumentException("a rate must be positive, not " + singleThreadHps);
        }
    }

    public static Patience at(double singleThreadHps) {
        return new Patience(FLOOR, singleThreadHps);
    }

    /** For {@code hashes} hashes on one core. */
    Duration forHashes(long hashes) {
        return floor.plusNanos((long) (SLACK * hashes / singleThreadHps * 1e9));
    }

    /** For a child's start and warm-up: up to ten rounds of half {@code warmup}, each at least three hashes. */
    Duration forWarmup(Duration warmup) {
        return forHashes(30).plus(warmup.multipliedBy(5 * (long) SLACK));
    }
}
