package lab.server.stats;

import org.HdrHistogram.Histogram;

/**
 * The counters of the window now open, for {@link Ledger#closeWindow()}. Kept apart from the
 * resettable figures so that a {@code /stats/reset} in the middle of a window neither loses nor
 * double-counts what the window saw. Guarded by the ledger's lock; on the hot path it costs one
 * increment and one comparison beside the ledger's own.
 */
final class WindowTally {

    private final Histogram latencyMicros = new Histogram(3);
    private long openedAtNanos;
    private int maxInFlight;
    private long accepted;
    private long rejected;
    private long completed;
    private long failed;

    WindowTally(long nowNanos) {
        this.openedAtNanos = nowNanos;
    }

    void admitted(int inFlightNow) {
        accepted++;
        maxInFlight = Math.max(maxInFlight, inFlightNow);
    }

    void rejected() {
        rejected++;
    }

    void released(Outcome outcome) {
        if (outcome == Outcome.ANSWERED_OK) {
            completed++;
        } else {
            failed++;
        }
    }

    /** Latency samples drained from the ledger's recorder while this window was open. */
    void addLatencies(Histogram interval) {
        latencyMicros.add(interval);
    }

    /** The window's figures, and a new window opened at {@code nowNanos} with {@code inFlightNow} requests already in. */
    Window close(long nowNanos, int limit, int inFlightNow, Window.Counts sinceReset) {
        Window closed = new Window(nowNanos - openedAtNanos, limit, inFlightNow, Math.max(maxInFlight, inFlightNow),
                new Window.Counts(accepted, rejected, completed, failed), sinceReset, Percentiles.of(latencyMicros));
        openedAtNanos = nowNanos;
        maxInFlight = inFlightNow;
        accepted = 0;
        rejected = 0;
        completed = 0;
        failed = 0;
        latencyMicros.reset();
        return closed;
    }
}
