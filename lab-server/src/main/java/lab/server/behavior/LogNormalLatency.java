package lab.server.behavior;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * A log-normal service time fixed by two quantiles instead of two abstract parameters: the median
 * gives {@code mu = ln(median)} and the p99 gives {@code sigma = ln(p99 / median) / z99}, where
 * {@code z99 = 2.3263} is the standard normal's 99th percentile. For median 50 ms and p99 400 ms,
 * sigma is 0.894, the mean is 74.5 ms and one request in a thousand takes over 790 ms.
 */
record LogNormalLatency(long medianMs, long p99Ms) implements LatencyModel {

    /** The 99th percentile of the standard normal distribution. */
    static final double Z_99 = 2.3263478740408408;

    LogNormalLatency {
        if (medianMs <= 0 || p99Ms < medianMs) {
            throw new IllegalArgumentException("lognormal latency needs 0 < median <= p99, got median=" + medianMs + "ms, p99=" + p99Ms + "ms");
        }
    }

    double mu() {
        return Math.log(medianMs);
    }

    double sigma() {
        return Math.log((double) p99Ms / medianMs) / Z_99;
    }

    @Override
    public long drawMs(RandomGenerator random) {
        return Math.round(Math.exp(mu() + sigma() * random.nextGaussian()));
    }

    @Override
    public String spec() {
        return "lognormal:median=" + Durations.format(Duration.ofMillis(medianMs)) + ",p99=" + Durations.format(Duration.ofMillis(p99Ms));
    }
}
