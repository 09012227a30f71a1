package lab.client.primitives;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class StartGateTest {

    @Test
    void latchReleasesEveryWaiterAndLetsLatecomersStraightThrough() throws Exception {
        Gate gate = Gate.latch();
        AtomicInteger passed = new AtomicInteger();
        Thread first = Threads.start("early-1", () -> { gate.await(); passed.incrementAndGet(); });
        Thread second = Threads.start("early-2", () -> { gate.await(); passed.incrementAndGet(); });
        Threads.awaitParked(first);
        Threads.awaitParked(second);
        assertThat(passed).as("workers through a shut gate").hasValue(0);

        gate.open();
        Thread late = Threads.start("late", () -> { gate.await(); passed.incrementAndGet(); });
        Threads.joinAll(first, second, late);
        assertThat(passed).as("workers through the open gate, early and late").hasValue(3);
    }

    @Test
    void permitGateStrandsTheLatecomerForGood() throws Exception {
        Gate gate = Gate.permits();
        AtomicInteger passed = new AtomicInteger();
        Thread first = Threads.start("early-1", () -> { gate.await(); passed.incrementAndGet(); });
        Thread second = Threads.start("early-2", () -> { gate.await(); passed.incrementAndGet(); });
        Threads.awaitParked(first);
        Threads.awaitParked(second);

        gate.open();
        Threads.joinAll(first, second);
        Thread late = Threads.start("late", () -> { gate.await(); passed.incrementAndGet(); });
        // Parked on a semaphore with no permits left, and nobody will release one: stuck for good.
        Threads.awaitParked(late);
        assertThat(passed).as("workers through the 'open' gate").hasValue(2);
        late.interrupt();
        Threads.joinAll(late);
    }

    @Test
    void exerciseCountsEveryNaiveRoundAsBrokenAndNoReferenceRound() throws Exception {
        Exercise exercise = ExerciseName.EVENT.create(Duration.ofMillis(200));
        for (int round = 0; round < 5; round++) {
            assertThat(exercise.breaksInRound(Side.NAIVE, new SplittableRandom(round))).as("naive round %d broke", round).isTrue();
        }
        Exercise patient = ExerciseName.EVENT.create(Threads.BOUND);
        for (int round = 0; round < 50; round++) {
            assertThat(patient.breaksInRound(Side.REFERENCE, new SplittableRandom(round))).as("reference round %d broke", round).isFalse();
        }
    }
}
