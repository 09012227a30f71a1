package lab.client.measure;

import org.HdrHistogram.Histogram;

/**
 * Latency percentiles in milliseconds, the lab's {@code latency_ms} object, read from an
 * HdrHistogram recorded in microseconds with 3 significant digits.
 */
public record Quantiles(double p50, double p90, double p99, double p999, double max) {

    public static final Quantiles EMPTY = new Quantiles(0, 0, 0, 0, 0);

    public static Quantiles of(Histogram micros) {
        if (micros.getTotalCount() == 0) {
            return EMPTY;
        }
        return new Quantiles(ms(micros.getValueAtPercentile(50)), ms(micros.getValueAtPercentile(90)),
                ms(micros.getValueAtPercentile(99)), ms(micros.getValueAtPercentile(99.9)),
                ms(micros.getMaxValue()));
    }

    /** A histogram for microsecond samples up to an hour, 3 significant digits, safe to record from many threads. */
    public static Histogram newMicrosHistogram() {
        return new org.HdrHistogram.ConcurrentHistogram(3_600_000_000L, 3);
    }

    private static double ms(long micros) {
        return micros / 1000.0;
    }
}
