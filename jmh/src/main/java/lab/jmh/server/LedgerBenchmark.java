package lab.jmh.server;

import java.util.concurrent.TimeUnit;
import lab.server.stats.Ledger;
import lab.server.stats.Outcome;
import lab.server.stats.Slot;
import lab.server.stats.Ticker;
import org.HdrHistogram.Recorder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Group;
import org.openjdk.jmh.annotations.GroupThreads;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The server's own bookkeeping, which every request pays twice (admission, release) on an event
 * loop: is the one lock of {@link Ledger} (chosen so that {@code accepted = completed + failed +
 * in_flight} holds in every snapshot and the limit is never overshot) cheap next to a request that
 * takes milliseconds? Two threads contend, as two event loops would:
 * <ul>
 *   <li>{@code admitRelease}: admission under a limit never reached, then release, with the latency
 *       recorded into the HdrHistogram Recorder (the whole per-request path of the figures);</li>
 *   <li>{@code refuse}: admission when the limit is full, the 429 path a flood of rejected clients takes;</li>
 *   <li>{@code record}: the Recorder alone, which is wait-free: the floor under the other two.</li>
 * </ul>
 */
@State(Scope.Group)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class LedgerBenchmark {

    private Ledger open;
    private Ledger full;
    private final Recorder recorder = new Recorder(3);

    @Setup
    public void setUp() {
        open = new Ledger(1_000_000, Ticker.system());
        full = new Ledger(1, Ticker.system());
        full.tryAdmit(); // holds the only slot for the whole run
    }

    @Benchmark
    @Group("admitRelease")
    @GroupThreads(2)
    public Slot admitRelease() {
        Slot slot = open.tryAdmit();
        slot.release(Outcome.ANSWERED_OK);
        return slot;
    }

    @Benchmark
    @Group("refuse")
    @GroupThreads(2)
    public Slot refuse() {
        return full.tryAdmit();
    }

    @Benchmark
    @Group("record")
    @GroupThreads(2)
    public void record() {
        recorder.recordValue(50_000);
    }
}
