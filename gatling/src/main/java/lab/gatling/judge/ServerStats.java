package lab.gatling.judge;

/**
 * lab-server's {@code GET /stats} over one window (from a reset to a read): what the server
 * accepted, rejected and served. The server is the judge of a load test, whatever the load
 * generator believes. {@code accepted = completed + failed + inFlight}.
 */
public record ServerStats(int limit, int inFlight, int maxInFlight, long accepted, long rejected, long completed,
                          long failed, long serviceMsSum, long serviceMsMax, LatencyMs latencyMs) {

    /** Everything that arrived: the offered load in requests. */
    public long offered() {
        return accepted + rejected;
    }

    /** The fraction of arrivals answered 429, 0 when nothing arrived. */
    public double rejectedFraction() {
        return offered() == 0 ? 0 : (double) rejected / offered();
    }

    /** The mean drawn service time of the accepted requests, in ms (0 when none). */
    public double meanServiceMs() {
        return accepted == 0 ? 0 : (double) serviceMsSum / accepted;
    }
}
