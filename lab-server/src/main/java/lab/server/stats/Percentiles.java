package lab.server.stats;

import org.HdrHistogram.Histogram;

/**
 * Latency percentiles in milliseconds, read from a histogram recorded in microseconds with 3
 * significant digits: a 50 ms sample is known to within 0.05 ms, a 2 s one to within 2 ms.
 */
public record Percentiles(double p50, double p90, double p99, double p999, double max, long count, double mean) {

    public static final Percentiles EMPTY = new Percentiles(0, 0, 0, 0, 0, 0, 0);

    static Percentiles of(Histogram micros) {
        if (micros.getTotalCount() == 0) {
            return EMPTY;
        }
        return new Percentiles(ms(micros.getValueAtPercentile(50)), ms(micros.getValueAtPercentile(90)),
                ms(micros.getValueAtPercentile(99)), ms(micros.getValueAtPercentile(99.9)),
                ms(micros.getMaxValue()), micros.getTotalCount(), Math.round(micros.getMean()) / 1000.0);
    }

    /** Microseconds to milliseconds, keeping the microsecond digits. */
    private static double ms(long micros) {
        return micros / 1000.0;
    }
}
