package lab.client.primitives;

import static org.assertj.core.api.Assertions.assertThat;

import lab.client.support.ModelCheck;
import lab.client.support.RecordedInterleaving;
import org.jetbrains.lincheck.datastructures.ModelCheckingOptions;
import org.jetbrains.lincheck.datastructures.Operation;
import org.junit.jupiter.api.Test;

/**
 * The bounded semaphore, model-checked: in every interleaving Lincheck explores, the results of
 * {@code tryAcquire} and {@code release} on a few threads must be those of some sequential order of
 * the same calls on {@link Spec}, a plain counter of permits out. That covers both rules of the
 * exercise: a release beyond the initial count is refused, and permits never exceed it (a
 * {@code tryAcquire} beyond them fails).
 *
 * <p>The blocking {@code acquire} is not an operation here: a generated scenario would take more
 * permits than are given back and leave the correct semaphore waiting too. It shares
 * {@code tryAcquireShared} with {@code tryAcquire}, and the pool exercise's stress rounds
 * ({@code primitives --exercise bounded-semaphore}) still run it.
 */
class BoundedSemaphoreLincheckTest {

    static final int PERMITS = 2;

    /** The operations on one semaphore; a release is {@code true} when taken, {@code false} when refused. */
    public abstract static class Model {
        private final Permits permits;

        Model(Permits permits) {
            this.permits = permits;
        }

        @Operation
        public boolean tryAcquire() {
            return permits.tryAcquire();
        }

        @Operation
        public boolean release() {
            try {
                permits.release();
                return true;
            } catch (IllegalStateException refused) {
                return false;
            }
        }
    }

    public static final class Reference extends Model {
        public Reference() {
            super(Permits.bounded(PERMITS));
        }
    }

    /** The exercise's naive side: java.util.concurrent's Semaphore takes any release and grows. */
    public static final class PlainSemaphore extends Model {
        public PlainSemaphore() {
            super(Permits.plain(PERMITS));
        }
    }

    /** The lab's first bounded semaphore: a Semaphore and a second counter of permits out. */
    public static final class TwoCounters extends Model {
        public TwoCounters() {
            super(new TwoCounterSemaphore(PERMITS));
        }
    }

    /** What a bounded semaphore means, one call at a time. */
    public static final class Spec {
        private int out;

        public boolean tryAcquire() {
            if (out == PERMITS) {
                return false;
            }
            out++;
            return true;
        }

        public boolean release() {
            if (out == 0) {
                return false;
            }
            out--;
            return true;
        }
    }

    private static ModelCheckingOptions options() {
        return ModelCheck.options(20, 500).threads(2).actorsPerThread(3).actorsBefore(2).actorsAfter(2)
                .sequentialSpecification(Spec.class);
    }

    @Test
    void theBoundedSemaphoreMatchesItsSpecInEveryInterleaving() {
        options().check(Reference.class); // a failure is Lincheck's report: the results and the interleaving
    }

    @Test
    void thePlainSemaphoreIsCaughtTakingAReleaseWithNoPermitOut() {
        String report = ModelCheck.failureOf(options(), PlainSemaphore.class, "a plain Semaphore takes an extra release");

        assertThat(report).contains("= Invalid execution results =", ModelCheck.INTERLEAVING_HEADING, "release(): true");
        RecordedInterleaving.at("lab/client/primitives/interleavings/bounded-semaphore.txt")
                .matches(ModelCheck.shortReport(report), getClass());
    }

    @Test
    void twoCountersAreCaughtInTheInstantTheyDisagree() {
        String report = ModelCheck.failureOf(options(), TwoCounters.class, "the two counters disagree");

        assertThat(report).contains("= Invalid execution results =", ModelCheck.INTERLEAVING_HEADING,
                "release(): false", "tryAcquire(): false", "switch");
        RecordedInterleaving.at("lab/client/primitives/interleavings/bounded-semaphore-two-counters.txt")
                .matches(ModelCheck.shortReport(report), getClass());
    }
}
