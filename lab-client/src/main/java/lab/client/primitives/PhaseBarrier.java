package lab.client.primitives;

import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicBoolean;

/** Where workers meet at the end of each phase. */
interface PhaseBarrier {

    /**
     * Arrives at the end of a phase and waits for the other workers.
     *
     * @return true to go on to the next phase, false when the barrier is broken (a worker failed): stop
     */
    boolean arrive() throws InterruptedException;

    /** Called instead of {@link #arrive()} by a worker whose phase failed; it stops after this. */
    void fail() throws InterruptedException;

    /** Workers waiting at the barrier right now (what a test watches to line up an interleaving). */
    int waiting();

    /**
     * Reference: a {@link CyclicBarrier}, which resets itself after each phase. It has no
     * {@code abort()} like asyncio's Barrier, and {@code reset()} breaks it only for the workers
     * already waiting (a later one would wait in a fresh round for ever), so a failing worker still
     * arrives, with its failure noted, and the barrier's action, run once all have arrived, throws:
     * that breaks the barrier for everyone, for good, and nobody starts the next phase.
     */
    static PhaseBarrier cyclic(int parties) {
        AtomicBoolean failed = new AtomicBoolean();
        CyclicBarrier barrier = new CyclicBarrier(parties, () -> {
            if (failed.get()) {
                throw new IllegalStateException("a worker failed in this phase");
            }
        });
        return new PhaseBarrier() {
            @Override
            public boolean arrive() throws InterruptedException {
                try {
                    barrier.await();
                    return true;
                } catch (BrokenBarrierException e) {
                    return false;
                } catch (IllegalStateException e) { // the last to arrive runs the action and gets its exception
                    return false;
                }
            }

            @Override
            public void fail() throws InterruptedException {
                failed.set(true);
                arrive();
            }

            @Override
            public int waiting() {
                return barrier.getNumberWaiting();
            }
        };
    }

    /**
     * Naive: one {@link CountDownLatch} for all the phases. It holds the first phase together, then
     * stays open: from the second phase on, nobody waits for anybody. A failing worker just leaves,
     * so in the first phase the others wait for it for ever, and later they never notice.
     */
    static PhaseBarrier oneLatch(int parties) {
        CountDownLatch latch = new CountDownLatch(parties);
        return new PhaseBarrier() {
            @Override
            public boolean arrive() throws InterruptedException {
                latch.countDown();
                latch.await();
                return true;
            }

            @Override
            public void fail() {
                // leaves without a word
            }

            @Override
            public int waiting() {
                return (int) Math.min(parties, parties - latch.getCount());
            }
        };
    }
}
