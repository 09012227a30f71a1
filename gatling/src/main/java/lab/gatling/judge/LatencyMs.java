package lab.gatling.judge;

/**
 * Latency percentiles in milliseconds, as lab-server's {@code /stats} reports them (HdrHistogram,
 * 3 significant digits) and as the simulations record their own side: p50 to max, with the
 * number of samples and their mean.
 */
public record LatencyMs(double p50, double p90, double p99, double p999, double max, long count, double mean) {

    public static final LatencyMs EMPTY = new LatencyMs(0, 0, 0, 0, 0, 0, 0);
}
