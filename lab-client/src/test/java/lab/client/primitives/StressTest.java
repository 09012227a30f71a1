package lab.client.primitives;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Bounded stress: every reference solution keeps its invariant in every round. A worker counts as
 * stuck only after 20 s, so a slow machine cannot make a correct round look broken; a correct round
 * ends as soon as its workers do. (That the checks can fail is shown by the naive solutions, in the
 * per-primitive tests and in the measured runs.)
 */
class StressTest {

    @ParameterizedTest
    @EnumSource(ExerciseName.class)
    void referenceNeverBreaksTheInvariant(ExerciseName name) throws Exception {
        Exercise exercise = name.create(Threads.BOUND);
        int broken = 0;
        for (int round = 0; round < 40; round++) {
            if (exercise.breaksInRound(Side.REFERENCE, new SplittableRandom(7 + round))) {
                broken++;
            }
        }
        assertThat(broken).as("%s: rounds of 40 in which the reference broke '%s'", name, exercise.invariant()).isZero();
    }
}
