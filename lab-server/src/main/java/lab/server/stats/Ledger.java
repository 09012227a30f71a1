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
 * holds after it. A reset may also rewind the acceptance sequence n, the index of the next accepted
 * request's random draws (to 0 when the server is idle), so that the same load after it sees the same
 * draws; a reset that does not rewind lets n run on, so that consecutive windows of one load (the steps
 * of a ramp) each see draws of their own. {@link #snapshotAndReset} reads and resets under one lock, so
 * every request is counted in exactly one window.
 */
public final class Ledger {

    private final int limit;
    private final Ticker ticker;
    private final Recorder latencyMicros = new Recorder(3);
    private Histogram cumulative;
    private Histogram recycled;
    private final WindowTally window; // the live view's current second; see closeWindow

    /** n of the next accepted request: the planner's draw index. Runs on across resets that do not rewind. */
    private long sequence;
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
        this.window = new WindowTally(ticker.nanos());
    }

    public int limit() {
        return limit;
    }

    /** A slot if fewer than {@code limit} requests are in flight, else {@code null} (and one more rejection). */
    public synchronized Slot tryAdmit() {
        if (inFlight >= limit) {
            rejected++;
            window.rejected();
            return null;
        }
        inFlight++;
        maxInFlight = Math.max(maxInFlight, inFlight);
        window.admitted(inFlight);
        accepted++;
        return new Slot(this, sequence++, ticker.nanos());
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
            window.released(outcome);
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
        drainLatencies();
        return new Snapshot(limit, inFlight, maxInFlight, accepted, rejected, completed, failed,
                serviceMsSum, serviceMsMax, Percentiles.of(cumulative));
    }

    /**
     * Closes the window opened by the previous call (or at construction) and opens the next: what was
     * admitted, refused, answered and failed in it, its maximum in flight, and the percentiles of its
     * own latency samples. Resets do not touch windows. The live view calls this once a second.
     */
    public synchronized Window closeWindow() {
        drainLatencies();
        return window.close(ticker.nanos(), limit, inFlight, new Window.Counts(accepted, rejected, completed, failed));
    }

    /** Moves the samples recorded since the last drain into the run's histogram and the open window's. */
    private void drainLatencies() {
        Histogram interval = latencyMicros.getIntervalHistogram(recycled);
        cumulative.add(interval);
        window.addLatencies(interval);
        recycled = interval;
    }

    /** Whether a reset rewinds the acceptance sequence (the same draws again) or lets it run on. */
    public enum Rewind { REWIND, RUN_ON }

    /** A rewinding reset, whose closing figures nobody needs. */
    public synchronized void reset() {
        snapshotAndReset(Rewind.REWIND);
    }

    /**
     * The figures of the window that closes and the reset that opens the next, in one step: a request
     * admitted or answered meanwhile falls in one window or the other, never in neither.
     */
    public synchronized Snapshot snapshotAndReset(Rewind rewind) {
        Snapshot closing = snapshot();
        zero(rewind);
        return closing;
    }

    private void zero(Rewind rewind) {
        drainLatencies(); // the open window keeps the samples that the run's histogram forgets
        if (rewind == Rewind.REWIND) {
            sequence = inFlight;
        }
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
