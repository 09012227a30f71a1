package lab.client.primitives;

import java.time.Duration;
import java.util.SplittableRandom;
import lab.client.cli.Progress;

/**
 * Runs an exercise round after round, the reference and the naive solution side by side: each
 * round runs both, in alternating order, from the same draws, so neither gets the warmer machine.
 * Bounded twice: by a number of rounds and by a time limit, whichever comes first.
 */
public final class Stress {

    private Stress() {
    }

    public static PrimitivesResult run(ExerciseName name, int rounds, Duration timeLimit, Duration stuckAfter, long seed,
                                       Progress progress) throws InterruptedException {
        Exercise exercise = name.create(stuckAfter);
        long start = System.nanoTime();
        long deadline = start + timeLimit.toNanos();
        int done = 0;
        int referenceViolations = 0;
        int naiveViolations = 0;
        while (done < rounds && System.nanoTime() < deadline) {
            long roundSeed = seed + done;
            boolean referenceFirst = done % 2 == 0;
            for (Side side : referenceFirst ? new Side[] {Side.REFERENCE, Side.NAIVE} : new Side[] {Side.NAIVE, Side.REFERENCE}) {
                boolean broke = exercise.breaksInRound(side, new SplittableRandom(roundSeed));
                if (broke && side == Side.REFERENCE) {
                    referenceViolations++;
                } else if (broke) {
                    naiveViolations++;
                }
            }
            done++;
            progress.advance(1);
        }
        double wallMs = Math.round((System.nanoTime() - start) / 1e3) / 1e3;
        return new PrimitivesResult(name.cliName(), exercise.invariant(), done, referenceViolations, naiveViolations,
                wallMs, exercise.asyncioPrimitive(), exercise.javaCounterpart(), exercise.reference(), exercise.naive(),
                rounds, stuckAfter.toMillis(), seed);
    }
}
