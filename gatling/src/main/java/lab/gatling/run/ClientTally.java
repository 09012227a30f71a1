package lab.gatling.run;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import lab.server.stats.Percentiles;
import org.HdrHistogram.Recorder;

/**
 * Counts what one client saw, from Gatling's threads, and hands it over window by window. Recording
 * is wait-free (LongAdder, HdrHistogram's Recorder), so it adds nothing to the latency it measures.
 */
public final class ClientTally {

    private final LongAdder ok = new LongAdder();
    private final LongAdder rejected = new LongAdder();
    private final LongAdder faults = new LongAdder();
    private final LongAdder errors = new LongAdder();
    private final LongAdder attempts = new LongAdder();
    private final Recorder okMicros = new Recorder(3);

    /** One outcome: an HTTP status (0 when there was no answer), its latency and the attempts it took. */
    public void record(int status, long latencyMicros, int attemptsTaken) {
        attempts.add(attemptsTaken);
        switch (status) {
            case 200 -> {
                ok.increment();
                okMicros.recordValue(Math.max(0, latencyMicros));
            }
            case 429 -> rejected.increment();
            case 0 -> errors.increment();
            default -> faults.increment();
        }
    }

    /** Everything recorded since the last drain, and starts a new window. */
    public ClientFigures drain() {
        return new ClientFigures(ok.sumThenReset(), rejected.sumThenReset(), faults.sumThenReset(),
                errors.sumThenReset(), attempts.sumThenReset(), Percentiles.of(okMicros.getIntervalHistogram()));
    }

    static long micros(long nanos) {
        return TimeUnit.NANOSECONDS.toMicros(nanos);
    }
}
