package lab.server.stats;

import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * Latency percentiles in milliseconds, the lab's {@code latency_ms} object, read from a histogram
 * recorded in microseconds with 3 significant digits: a 50 ms sample is known to within 0.05 ms, a
 * 2 s one to within 2 ms. The lab's one percentile record: the server's {@code /stats}, lab-client's
 * results and gatling's client tallies all use it. lab-client's {@code --json} prints the five
 * percentiles the contract names, without {@code count} and {@code mean} (see lab-client's Json).
 */
public record Percentiles(double p50, double p90, double p99, double p999, double max, long count, double mean) {

    public static final Percentiles EMPTY = new Percentiles(0, 0, 0, 0, 0, 0, 0);

    public static Percentiles of(Histogram micros) {
        if (micros.getTotalCount() == 0) {
            return EMPTY;
        }
        return new Percentiles(ms(micros.getValueAtPercentile(50)), ms(micros.getValueAtPercentile(90)),
                ms(micros.getValueAtPercentile(99)), ms(micros.getValueAtPercentile(99.9)),
                ms(micros.getMaxValue()), micros.getTotalCount(), Math.round(micros.getMean()) / 1000.0);
    }

    /** A histogram for microsecond samples up to an hour, 3 significant digits, safe to record from many threads. */
    public static Histogram newMicrosHistogram() {
        return new ConcurrentHistogram(3_600_000_000L, 3);
    }

    /** Microseconds to milliseconds, keeping the microsecond digits. */
    private static double ms(long micros) {
        return micros / 1000.0;
    }
}
