package lab.client.api;

import lab.client.measure.Quantiles;

/**
 * lab-server's {@code GET /stats}, the judge of every run: what the server accepted, rejected and
 * served, whatever the client believes. {@code accepted = completed + failed + inFlight}.
 */
public record ServerStats(int limit, int inFlight, int maxInFlight, long accepted, long rejected, long completed,
                          long failed, long serviceMsSum, long serviceMsMax, Quantiles latencyMs) {

    /**
     * The best possible wall time for the work the server accepted since the last reset, in ms:
     * with limit C, service times L1..Ln cannot finish faster than {@code max(sum L / C, max L)}.
     */
    public double boundMs() {
        return Math.max((double) serviceMsSum / limit, serviceMsMax);
    }
}
