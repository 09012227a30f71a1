package lab.client.requests;

import lab.server.stats.Percentiles;

/**
 * The {@code requests --json} object: the contract's fields first, then the lab's additions.
 * {@code rejected} counts the 429s the client saw, {@code retried} the extra attempts;
 * {@code boundMs} is the best wall time for the same work from the server's stats
 * ({@code max(service_ms_sum / limit, service_ms_max)}) and {@code efficiency} is bound over wall.
 * {@code firstWaveFastestServiceMs}, the fastest service time drawn for the first C ids, is the
 * bound of {@code ttfrMs}: no strategy can hand on a result sooner. {@code clientCpuMsPerRequest} and
 * {@code clientAllocKbPerRequest} are this process's CPU time and heap allocation (every thread's)
 * during the measured run, per attempt.
 */
public record RequestsReport(
        String strategy, int requests, int ok, int failed, long rejected, long retried,
        double wallMs, double throughputRps, double ttfrMs, Percentiles latencyMs, double boundMs, double efficiency,
        String impl, int concurrency, int limit, long serverAccepted, long serverRejected, int serverMaxInFlight,
        double fastestLatencyMs, double firstWaveFastestServiceMs,
        double throughputBoundRps, double clientCpuMsPerRequest, Integer foundLimit, double clientAllocKbPerRequest) {
}
