package lab.gatling.judge;

/**
 * lab-server's {@code GET /stats} over one window (from a reset to a read): what the server
 * accepted, rejected and served. The server is the judge of a load test, whatever the load
 * generator believes. {@code accepted = completed + failed + inFlight}.
 */
public record ServerStats(int limit, int inFlight, int maxInFlight, long accepted, long rejected, long completed,
                          long failed, long serviceMsSum, long serviceMsMax, LatencyMs latencyMs) {

}
