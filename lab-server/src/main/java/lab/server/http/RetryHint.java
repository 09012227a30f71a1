package lab.server.http;

import lab.server.behavior.BehaviorPlanner;
import lab.server.behavior.Overrides;

/**
 * How long a refused client should wait before trying again: {@code retry_after_ms} in a 429's body.
 *
 * <p>A 429 means every one of the {@code limit} slots is busy. At full occupancy the slots free up at
 * Little's rate, {@code limit / mean(L)}, so the next one frees on average {@code mean(L) / limit}
 * later: 10 ms for a fixed 100 ms service under a limit of 10 (slots staggered evenly free every
 * 10 ms), 8 ms for the default log-normal (median 50 ms, mean about 75 ms). The model's median,
 * the hint before this one, is how long <em>one</em> busy slot takes, about {@code limit} times too long
 * a wait for the first of ten. The mean is that of the first 10 000 planned service times, the very
 * draws this server will make (a pure function of the seed), so the hint is repeatable too.
 */
final class RetryHint {

    static final int SAMPLES = 10_000;

    private RetryHint() {
    }

    /** {@code mean(L) / limit}, rounded up to whole milliseconds, at least 1. */
    static long ms(BehaviorPlanner planner, int limit) {
        double sum = 0;
        for (long n = 0; n < SAMPLES; n++) {
            sum += planner.plan(n, Overrides.NONE).serviceMs();
        }
        return Math.max(1, (long) Math.ceil(sum / SAMPLES / limit));
    }
}
