package lab.client.primitives;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;

/**
 * The hand-written primitives of the exercises against the java.util.concurrent class a Java
 * programmer would reach for, two threads contending on one instance (the lab's are package-private,
 * hence this package). What the check costs:
 * <ul>
 *   <li>{@code semaphore}: the lab's BoundedSemaphore counts the permits out so it can refuse a
 *       release beyond the initial count (asyncio.BoundedSemaphore's promise); a plain
 *       {@link java.util.concurrent.Semaphore} cannot refuse one. One permit, acquire then release.</li>
 *   <li>{@code buffer}: the exercise's buffer (a lock, two Conditions, a {@code while} around each
 *       wait) against {@link ArrayBlockingQueue}, which is built the same way. Capacity 1; each
 *       operation puts one item and takes one, so a thread never ends an operation holding an item
 *       and neither can be left blocked when the other stops.</li>
 * </ul>
 * The start gate (CountDownLatch) and the barrier (CyclicBarrier) are the JDK's classes already; a
 * barrier round also blocks for ever once its partner thread has stopped measuring, which JMH cannot
 * end, so their behaviour is measured by the stress exercises instead ({@code results/raw/primitives.jsonl}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Threads(2)
public class PrimitivesBenchmark {

    /** Which implementation: the lab's hand-written one or the JDK's counterpart. */
    public enum Impl { LAB, JDK }

    @Param
    public Impl impl;

    private Permits permits;
    private BoundedBuffer labBuffer;
    private ArrayBlockingQueue<Integer> jdkBuffer;

    @Setup
    public void setUp() {
        permits = impl == Impl.LAB ? Permits.bounded(1) : Permits.plain(1);
        labBuffer = BoundedBuffer.reference(1);
        jdkBuffer = new ArrayBlockingQueue<>(1);
    }

    @Benchmark
    public void semaphore() throws InterruptedException {
        permits.acquire();
        permits.release();
    }

    @Benchmark
    public Integer buffer() throws InterruptedException {
        if (impl == Impl.LAB) {
            labBuffer.put(1);
            return labBuffer.take();
        }
        jdkBuffer.put(1);
        return jdkBuffer.take();
    }
}
