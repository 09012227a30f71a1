package lab.client.primitives;

import java.util.SplittableRandom;

/**
 * One synchronisation primitive as a small, realistic problem: an invariant, a reference solution
 * built on the primitive and a naive one, run round after round under the same stress.
 */
public interface Exercise {

    /** The rule a correct solution never breaks, in one sentence. */
    String invariant();

    /** The asyncio primitive the seed asks about, and the java.util.concurrent class that plays its part. */
    String asyncioPrimitive();

    String javaCounterpart();

    /** How each side solves the problem, in a few words. */
    String reference();

    String naive();

    /**
     * Runs one round of the problem with one side's solution.
     *
     * @param random this round's draws (work lengths, who fails), the same for both sides of a round
     * @return true when the invariant broke at least once in the round
     */
    boolean breaksInRound(Side side, SplittableRandom random) throws InterruptedException;
}
