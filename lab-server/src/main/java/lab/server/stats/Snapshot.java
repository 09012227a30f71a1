package lab.server.stats;

/**
 * The server's figures at one instant, consistent with each other:
 * {@code accepted == completed + failed + inFlight} always holds in a snapshot.
 *
 * @param limit         the hard limit of requests in flight
 * @param inFlight      requests accepted and not yet answered, right now
 * @param maxInFlight   the most that were in flight at once since the last reset (never above limit)
 * @param accepted      requests admitted under the limit since the last reset
 * @param rejected      requests answered 429 because the limit was full
 * @param completed     accepted requests answered 200
 * @param failed        accepted requests answered with a fault, reset, or abandoned by their client
 * @param serviceMsSum  the drawn service times of the accepted requests, added up: the work the server was given
 * @param serviceMsMax  the longest drawn service time
 * @param latencyMs     time from acceptance to the response handed to the socket, answered requests only
 */
public record Snapshot(int limit, int inFlight, int maxInFlight, long accepted, long rejected, long completed,
                       long failed, long serviceMsSum, long serviceMsMax, Percentiles latencyMs) {
}
