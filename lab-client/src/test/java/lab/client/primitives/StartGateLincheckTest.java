package lab.client.primitives;

import static org.assertj.core.api.Assertions.assertThat;

import lab.client.support.ModelCheck;
import lab.client.support.RecordedInterleaving;
import org.jetbrains.lincheck.datastructures.ModelCheckingOptions;
import org.jetbrains.lincheck.datastructures.Operation;
import org.junit.jupiter.api.Test;

/**
 * The start gate (the Event exercise), model-checked against {@link Spec}: a gate is a state, and a
 * worker passes only once it is open (in the spec, passing a closed gate is an error, so a worker
 * that got through before {@code open} began has results no order explains). A worker that waits
 * for ever at an open gate is the other half of the rule: Lincheck sees every thread parked with
 * nobody left to wake it and reports the interleaving that led there.
 *
 * <p>{@code await} blocks, so the scenarios are fixed: workers arrive before, during and after
 * the opening, in every order Lincheck explores. The timed wait of the stress exercise (a worker still
 * blocked 200 ms after the round counts as stuck) is not model-checked; Lincheck's own deadlock
 * detection stands in for it, and the stress rounds keep the timed check.
 */
class StartGateLincheckTest {

    public abstract static class Model {
        private final Gate gate;

        Model(Gate gate) {
            this.gate = gate;
        }

        @Operation(blocking = true)
        public void await() throws InterruptedException {
            gate.await();
        }

        @Operation
        public void open() {
            gate.open();
        }
    }

    /** CountDownLatch(1). */
    public static final class Reference extends Model {
        public Reference() {
            super(Gate.latch());
        }
    }

    /** Semaphore(0) opened with release(getQueueLength()). */
    public static final class Naive extends Model {
        public Naive() {
            super(Gate.permits());
        }
    }

    public static final class Spec {
        private boolean open;

        public void await() {
            if (!open) {
                throw new IllegalStateException("passed a closed gate");
            }
        }

        public void open() {
            open = true;
        }
    }

    private static ModelCheckingOptions options() {
        return ModelCheck.options(0, 2_000).sequentialSpecification(Spec.class)
                // two workers and the opener, racing: either worker may still be on its way into the queue
                .addCustomScenario(ModelCheck.scenario(Model.class)
                        .thread("await").thread("await").thread("open").build())
                // a worker that comes once the gate is open
                .addCustomScenario(ModelCheck.scenario(Model.class)
                        .thread("await").thread("open", "await").build());
    }

    @Test
    void theLatchGateMatchesItsSpecInEveryInterleaving() {
        options().check(Reference.class);
    }

    @Test
    void thePermitGateIsCaughtLeavingAWorkerAtAnOpenGate() {
        String report = ModelCheck.failureOf(options(), Naive.class, "a gate that counts waiters forgets latecomers");

        assertThat(report).contains(ModelCheck.INTERLEAVING_HEADING, "open()", "await()");
        RecordedInterleaving.at("lab/client/primitives/interleavings/event.txt")
                .matches(ModelCheck.shortReport(report), getClass());
    }
}
