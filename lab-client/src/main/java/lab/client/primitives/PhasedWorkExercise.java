package lab.client.primitives;

import java.time.Duration;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;

/**
 * Barrier: {@value #PARTIES} workers compute in {@value #PHASES} phases (phase k+1 reads what every
 * worker wrote in phase k), meeting at a barrier after each. In one round of four a worker fails in
 * a phase drawn at random, and the others must stop there too, not hang and not go on.
 */
final class PhasedWorkExercise implements Exercise {

    static final int PARTIES = 4;
    static final int PHASES = 6;

    private final Duration stuckAfter;

    PhasedWorkExercise(Duration stuckAfter) {
        this.stuckAfter = stuckAfter;
    }

    @Override
    public String invariant() {
        return "no worker starts phase k+1 before every worker has finished phase k; when one fails in phase k, the"
                + " others stop after k and none is left waiting";
    }

    @Override
    public String asyncioPrimitive() {
        return "asyncio.Barrier";
    }

    @Override
    public String javaCounterpart() {
        return "java.util.concurrent.CyclicBarrier (Phaser for changing parties and forceTermination as abort)";
    }

    @Override
    public String reference() {
        return "CyclicBarrier(4); a failing worker arrives with its failure and the barrier action breaks the barrier";
    }

    @Override
    public String naive() {
        return "one CountDownLatch(4) for every phase: it opens once and never closes again";
    }

    @Override
    public boolean breaksInRound(Side side, SplittableRandom random) throws InterruptedException {
        PhaseBarrier barrier = side == Side.REFERENCE ? PhaseBarrier.cyclic(PARTIES) : PhaseBarrier.oneLatch(PARTIES);
        AtomicIntegerArray finished = new AtomicIntegerArray(PHASES);
        AtomicInteger outOfOrder = new AtomicInteger();
        boolean withFailure = random.nextInt(4) == 0;
        int failingWorker = withFailure ? random.nextInt(PARTIES) : -1;
        int failingPhase = withFailure ? random.nextInt(PHASES - 1) : -1;
        Crew crew = new Crew();
        for (int w = 0; w < PARTIES; w++) {
            int worker = w;
            long[] work = random.longs(PHASES, 0, 40).toArray();
            crew.start("phase-worker-" + w, () -> {
                for (int phase = 0; phase < PHASES; phase++) {
                    if (phase > 0 && finished.get(phase - 1) != PARTIES) {
                        outOfOrder.incrementAndGet(); // started phase k+1 while someone had not finished k
                    }
                    Crew.pauseMicros(work[phase]);
                    if (worker == failingWorker && phase == failingPhase) {
                        barrier.fail();
                        return;
                    }
                    finished.incrementAndGet(phase);
                    if (!barrier.arrive()) {
                        return;
                    }
                }
            });
        }
        int stuck = crew.joinWithin(stuckAfter);
        return stuck > 0 || outOfOrder.get() > 0;
    }
}
