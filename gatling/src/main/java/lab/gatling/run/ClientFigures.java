package lab.gatling.run;

import lab.server.stats.Percentiles;

/**
 * What the load generator saw over one window, for one client: responses by kind, the attempts
 * they took (more than the responses when requests are retried) and the latency of the successful
 * ones, as Gatling timed them (send to full response).
 *
 * @param ok        answered 200 (for a retrying client: logical requests that ended in a 200)
 * @param rejected  answered 429
 * @param faults    answered 500 or 503 (or, retrying, logical requests that gave up)
 * @param errors    no HTTP answer (connection refused, reset, timeout)
 * @param attempts  HTTP requests sent
 * @param okLatency latency of the {@code ok} ones
 */
public record ClientFigures(long ok, long rejected, long faults, long errors, long attempts, Percentiles okLatency) {

    public long outcomes() {
        return ok + rejected + faults + errors;
    }
}
