package lab.client.cache;

import lab.server.stats.Percentiles;

/**
 * One stampede, as {@code cache --json} prints it. {@code upstream_calls} is the server's
 * {@code accepted} delta, never the client's count.
 *
 * @param upstreamCalls calls the server accepted during the run
 * @param expectedCalls one per key: what a cache that never stampedes costs
 * @param errors        callers whose {@code get} failed (0 unless the upstream failed)
 * @param rejected      429s the server answered (0: upstream calls are bounded to its limit)
 * @param wallMs        from the start signal to the last caller's answer
 * @param latencyMs     each caller's wait, from the start signal to its answer
 * @param boundMs       the best possible wall time: every key loaded once, as many at a time as the
 *                      server's limit lets, {@code max(K × mean L / limit, max L)} from the server's
 *                      service times; with K at most the limit, one latency
 * @param serialMs      {@code K × mean L}: the wall time when the loads go one after the other, as
 *                      under one lock held across every load
 * @param efficiency    {@code boundMs / wallMs}
 * @param ttlMs         entries' time to live, 0 for never
 * @param clientOverheadMs the wall time of the same stampede (same callers, keys, strategy, client)
 *                      against an upstream that answers at once ({@code /health}, not counted by the
 *                      server): what the client itself adds to {@code boundMs}; 0 when not measured
 */
public record StampedeResult(String strategy, int callers, int keys, long upstreamCalls, int expectedCalls,
                             long errors, long rejected, double wallMs, double throughputRps, Percentiles latencyMs,
                             double boundMs, double serialMs, double efficiency, long ttlMs,
                             double clientOverheadMs) {

    public StampedeResult withClientOverheadMs(double ms) {
        return new StampedeResult(strategy, callers, keys, upstreamCalls, expectedCalls, errors, rejected, wallMs,
                throughputRps, latencyMs, boundMs, serialMs, efficiency, ttlMs, ms);
    }
}
