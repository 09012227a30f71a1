package lab.server.stats;

import lab.server.http.RecordJson;
import lab.server.http.ServerDescription;

/**
 * The {@code GET /stats} answer, field for field (snake_case on the wire: {@code inFlight} is
 * {@code in_flight}): the ledger's figures ({@link Snapshot}'s, flat), the connections, and how the
 * server was started. The server writes this record and every client reads it with {@link #parse},
 * strictly: a field missing or unknown is an error naming it, never a silent 0, so a renamed field
 * fails the first check that reads it. {@code accepted == completed + failed + inFlight}.
 *
 * @param connections        connections open now
 * @param connectionsRefused connections refused past {@code --max-connections} since the last reset
 * @param server             how the server was started
 */
public record ServerStats(int limit, int inFlight, int maxInFlight, long accepted, long rejected, long completed,
                          long failed, long serviceMsSum, long serviceMsMax, Percentiles latencyMs,
                          long connections, long connectionsRefused, ServerDescription server) {

    /** The answer for a snapshot of the ledger, the connections and the server's description. */
    public static ServerStats of(Snapshot s, long connections, long connectionsRefused, ServerDescription server) {
        return new ServerStats(s.limit(), s.inFlight(), s.maxInFlight(), s.accepted(), s.rejected(), s.completed(),
                s.failed(), s.serviceMsSum(), s.serviceMsMax(), s.latencyMs(), connections, connectionsRefused, server);
    }

    /** Reads a {@code /stats} (or {@code /stats/reset}) body; one line naming the field when it does not fit. */
    public static ServerStats parse(String json) {
        try {
            return RecordJson.read(json, ServerStats.class); // strict, as the mapper reads: see RecordJson for why not the mapper
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a /stats answer: " + e.getMessage(), e);
        }
    }

    /** The ledger's figures alone, as a measuring window records them. */
    public Snapshot figures() {
        return new Snapshot(limit, inFlight, maxInFlight, accepted, rejected, completed, failed, serviceMsSum, serviceMsMax,
                latencyMs);
    }

    /**
     * The best possible wall time for the work the server accepted since the last reset, in ms:
     * with limit C, service times L1..Ln cannot finish faster than {@code max(sum L / C, max L)}.
     */
    public double boundMs() {
        return Math.max((double) serviceMsSum / limit, serviceMsMax);
    }
}
