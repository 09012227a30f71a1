package lab.client.primitives;

import java.time.Duration;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Event: a start gate. Workers get ready and wait at the gate; the coordinator opens it once, which
 * releases every worker waiting, and workers that arrive later pass straight through.
 * Each round: {@value #EARLY} workers wait, the gate opens, {@value #LATE} latecomers arrive.
 */
final class StartGateExercise implements Exercise {

    static final int EARLY = 4;
    static final int LATE = 2;

    private final Duration stuckAfter;

    StartGateExercise(Duration stuckAfter) {
        this.stuckAfter = stuckAfter;
    }

    @Override
    public String invariant() {
        return "no worker passes the gate before it opens, and every worker, early or late, passes once it is open";
    }

    @Override
    public String asyncioPrimitive() {
        return "asyncio.Event";
    }

    @Override
    public String javaCounterpart() {
        return "java.util.concurrent.CountDownLatch (count 1)";
    }

    @Override
    public String reference() {
        return "CountDownLatch(1): await() to wait, countDown() to open";
    }

    @Override
    public String naive() {
        return "Semaphore(0) opened with release(getQueueLength()): one permit per worker waiting at that moment";
    }

    @Override
    public boolean breaksInRound(Side side, SplittableRandom random) throws InterruptedException {
        Gate gate = side == Side.REFERENCE ? Gate.latch() : Gate.permits();
        AtomicBoolean open = new AtomicBoolean();
        AtomicInteger early = new AtomicInteger();
        AtomicInteger passed = new AtomicInteger();
        CountDownLatch arrived = new CountDownLatch(EARLY);
        Crew crew = new Crew();
        for (int i = 0; i < EARLY + LATE; i++) {
            boolean late = i >= EARLY;
            long prepareMicros = random.nextLong(50);
            crew.start("gate-worker-" + i, () -> {
                if (late) {
                    Crew.pauseMicros(prepareMicros);
                } else {
                    arrived.countDown();
                }
                gate.await();
                if (!open.get()) {
                    early.incrementAndGet();
                }
                passed.incrementAndGet();
            });
            if (i == EARLY - 1) {
                arrived.await(); // the early ones are at the gate (or on their way into it)
                Crew.pauseMicros(random.nextLong(100));
                open.set(true); // before open(): a worker released by it must never see false
                gate.open();
            }
        }
        int stuck = crew.joinWithin(stuckAfter);
        return early.get() > 0 || stuck > 0;
    }
}
