package lab.server.stats;

import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Admission under the hard limit and every figure {@code /stats} reports, kept in one place.
 *
 * <p>The counters share one lock rather than being separate atomics, so that a snapshot is always
 * consistent ({@code accepted == completed + failed + inFlight}) and so that the check against the
 * limit and the increment are one step: the limit is exact, never overshot by a race. The lock is
 * held for a few field updates (tens of nanoseconds); latency samples go to an HdrHistogram
 * {@link Recorder}, which is wait-free, outside it.
 *
 * <p>A reset zeroes the figures but not the requests still in flight: those are carried into the
 * new window as accepted (their service time stays in the old one), so the identity above still
 * holds after it. A reset also rewinds the acceptance sequence (to 0 when the server is idle), so
 * the same load after a reset sees the same random draws.
 */
public final class Ledger {

    private final int limit;
    private final Ticker ticker;
    private final Recorder latencyMicros = new Recorder(3);
    private Histogram cumulative;
    private Histogram recycled;

    private int inFlight;
    private int maxInFlight;
    private long accepted;
    private long rejected;
    private long completed;
    private long failed;
    private long serviceMsSum;
    private long serviceMsMax;

    public Ledger(int limit, Ticker ticker) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, got " + limit);
        }
        this.limit = limit;
        this.ticker = Objects.requireNonNull(ticker, "ticker");
        this.cumulative = latencyMicros.getIntervalHistogram();
    }

    public int limit() {
        return limit;
    }

    /** A slot if fewer than {@code limit} requests are in flight, else {@code null} (and one more rejection). */
    public synchronized Slot tryAdmit() {
        if (inFlight >= limit) {
            rejected++;
            return null;
        }
        inFlight++;
        maxInFlight = Math.max(maxInFlight, inFlight);
        return new Slot(this, accepted++, ticker.nanos());
    }

    synchronized void charge(long serviceMs) {
        serviceMsSum += serviceMs;
        serviceMsMax = Math.max(serviceMsMax, serviceMs);
    }

    void release(Slot slot, Outcome outcome) {
        long elapsedMicros = TimeUnit.NANOSECONDS.toMicros(ticker.nanos() - slot.admittedAtNanos());
        synchronized (this) {
            if (!slot.markReleased()) {
                return;
            }
            inFlight--;
            if (outcome == Outcome.ANSWERED_OK) {
                completed++;
            } else {
                failed++;
            }
        }
        if (outcome != Outcome.UNANSWERED) {
            latencyMicros.recordValue(Math.max(0, elapsedMicros));
        }
    }

    /** Requests in flight right now: what {@link #snapshot()} would say, without building the percentiles. */
    public synchronized int inFlight() {
        return inFlight;
    }

    /** Requests seen since the last reset, accepted or rejected: whether a client has started yet. */
    public synchronized long seen() {
        return accepted + rejected;
    }

    public synchronized Snapshot snapshot() {
        Histogram interval = latencyMicros.getIntervalHistogram(recycled);
        cumulative.add(interval);
        recycled = interval;
        return new Snapshot(limit, inFlight, maxInFlight, accepted, rejected, completed, failed,
                serviceMsSum, serviceMsMax, Percentiles.of(cumulative));
    }

    public synchronized void reset() {
        latencyMicros.reset();
        cumulative.reset();
        accepted = inFlight;
        maxInFlight = inFlight;
        rejected = 0;
        completed = 0;
        failed = 0;
        serviceMsSum = 0;
        serviceMsMax = 0;
    }
}
