package lab.server.stats;

/**
 * The server's figures over one short window of time (the live view's second), next to the
 * running totals at its end.
 *
 * @param elapsedNanos how long the window lasted, by the ledger's ticker: rates are counts over this
 * @param limit        the hard limit of requests in flight
 * @param inFlight     requests in flight at the window's end (a sample)
 * @param maxInFlight  the most in flight at any moment of the window (not a sample: every admission
 *                     is seen), at least the number in flight when the window opened
 * @param counts       what happened within the window
 * @param sinceReset   the same counters since the last reset, as {@code /stats} has them
 * @param latencyMs    percentiles of the latency samples of this window only (an interval
 *                     histogram), not of the whole run
 */
public record Window(long elapsedNanos, int limit, int inFlight, int maxInFlight, Counts counts, Counts sinceReset,
                     Percentiles latencyMs) {

    /** Requests admitted, refused with 429, answered 200, and failed (fault, reset, hang or abandoned). */
    public record Counts(long accepted, long rejected, long completed, long failed) {
    }
}
