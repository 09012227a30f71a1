package lab.server.behavior;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * How long the API takes to serve one request: a distribution of service times, drawn in whole
 * milliseconds from a random source the caller owns (so a seeded source repeats a run exactly).
 *
 * <p>Four shapes, each written as the {@code --latency} flag takes it:
 * <ul>
 *   <li>{@code fixed:100ms} - every request takes 100 ms;</li>
 *   <li>{@code uniform:20ms..200ms} - every whole millisecond from 20 to 200 equally likely;</li>
 *   <li>{@code lognormal:median=50ms,p99=400ms} - the long right tail of real services: half the
 *       requests under 50 ms, one in a hundred over 400 ms (sigma = ln(400/50) / 2.326 = 0.894);</li>
 *   <li>{@code bimodal:40ms,2s@5%} - a fast path and a slow one: 95% take 40 ms, 5% take 2 s.</li>
 * </ul>
 */
public interface LatencyModel {

    /** The four shapes as the {@code --latency} flag takes them, for messages that say what is allowed. */
    String ALLOWED_SPECS = "fixed:100ms, uniform:20ms..200ms, lognormal:median=50ms,p99=400ms or bimodal:40ms,2s@5%";

    /** One service time in whole milliseconds, never negative. */
    long drawMs(RandomGenerator random);

    /** The median service time: a fair guess of how soon a busy slot frees up. */
    long medianMs();

    /** The model written back in the {@code --latency} syntax, canonical form. */
    String spec();

    static LatencyModel fixed(Duration latency) {
        return new FixedLatency(nonNegativeMs(latency));
    }

    static LatencyModel uniform(Duration min, Duration max) {
        return new UniformLatency(nonNegativeMs(min), nonNegativeMs(max));
    }

    static LatencyModel lognormal(Duration median, Duration p99) {
        return new LogNormalLatency(nonNegativeMs(median), nonNegativeMs(p99));
    }

    static LatencyModel bimodal(Duration fast, Duration slow, double slowFraction) {
        return new BimodalLatency(nonNegativeMs(fast), nonNegativeMs(slow), slowFraction);
    }

    /** Reads the {@code --latency} syntax; a bad spec gets one line naming the four allowed shapes. */
    static LatencyModel parse(String spec) {
        return LatencySpecParser.parse(spec);
    }

    private static long nonNegativeMs(Duration d) {
        if (d.isNegative()) {
            throw new IllegalArgumentException("a latency cannot be negative: " + d);
        }
        return d.toMillis();
    }
}
