package lab.client.primitives;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Two workers, three phases; the slow one is held in phase 1 by the test, so "does the fast one start
 * phase 2 first?" is decided by the barrier, not by the scheduler.
 */
class PhaseBarrierTest {

    @Test
    void cyclicBarrierHoldsTheFastWorkerUntilTheSlowOneFinishesItsPhase() throws Exception {
        PhaseBarrier barrier = PhaseBarrier.cyclic(2);
        CountDownLatch slowMayFinishPhase1 = new CountDownLatch(1);
        AtomicInteger fastPhase = new AtomicInteger(-1);
        Thread fast = Threads.start("fast", () -> runPhases(barrier, fastPhase, null));
        Thread slow = Threads.start("slow", () -> runPhases(barrier, new AtomicInteger(-1), slowMayFinishPhase1));

        Threads.awaitUntil("the fast worker waits at the end of phase 1", () -> fastPhase.get() == 1 && barrier.waiting() == 1);
        assertThat(fastPhase).as("the fast worker's phase while the slow one is still in phase 1").hasValue(1);
        slowMayFinishPhase1.countDown();
        Threads.joinAll(fast, slow);
        assertThat(fastPhase).hasValue(2);
    }

    @Test
    void oneLatchLetsTheFastWorkerRunAhead() throws Exception {
        PhaseBarrier barrier = PhaseBarrier.oneLatch(2);
        CountDownLatch slowMayFinishPhase1 = new CountDownLatch(1);
        AtomicInteger fastPhase = new AtomicInteger(-1);
        Thread fast = Threads.start("fast", () -> runPhases(barrier, fastPhase, null));
        Thread slow = Threads.start("slow", () -> runPhases(barrier, new AtomicInteger(-1), slowMayFinishPhase1));

        Threads.awaitUntil("the fast worker starts phase 2 while the slow one is held in phase 1", () -> fastPhase.get() == 2);
        slowMayFinishPhase1.countDown();
        Threads.joinAll(fast, slow);
    }

    @Test
    void aFailureBreaksTheCyclicBarrierForEveryoneAndNobodyGoesOn() throws Exception {
        PhaseBarrier barrier = PhaseBarrier.cyclic(3);
        AtomicInteger wentOn = new AtomicInteger();
        Thread a = Threads.start("a", () -> { if (barrier.arrive()) wentOn.incrementAndGet(); });
        Thread b = Threads.start("b", () -> { if (barrier.arrive()) wentOn.incrementAndGet(); });
        Threads.awaitUntil("two workers wait for the third", () -> barrier.waiting() == 2);
        Thread failing = Threads.start("failing", barrier::fail);
        Threads.joinAll(a, b, failing);
        assertThat(wentOn).as("workers that went on to the next phase after a failure").hasValue(0);
    }

    @Test
    void aFailureInTheFirstPhaseLeavesTheLatchWorkersWaitingForGood() throws Exception {
        PhaseBarrier barrier = PhaseBarrier.oneLatch(2);
        AtomicBoolean wentOn = new AtomicBoolean();
        Thread waiting = Threads.start("waiting", () -> wentOn.set(barrier.arrive()));
        Threads.start("failing", barrier::fail).join();
        // Parked on a latch whose last count belonged to the worker that left: nobody can open it.
        Threads.awaitParked(waiting);
        assertThat(wentOn).isFalse();
        waiting.interrupt();
        Threads.joinAll(waiting);
    }

    /** Phases 0..2: records the phase it is in; the slow worker waits for the test before finishing phase 1. */
    private static void runPhases(PhaseBarrier barrier, AtomicInteger phase, CountDownLatch holdInPhase1) throws Exception {
        for (int k = 0; k < 3; k++) {
            phase.set(k);
            if (k == 1 && holdInPhase1 != null) {
                holdInPhase1.await();
            }
            if (k < 2 && !barrier.arrive()) {
                return;
            }
        }
    }
}
