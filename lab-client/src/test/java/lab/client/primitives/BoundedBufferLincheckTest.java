package lab.client.primitives;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import lab.client.support.ModelCheck;
import lab.client.support.RecordedInterleaving;
import org.jetbrains.lincheck.datastructures.ModelCheckingOptions;
import org.jetbrains.lincheck.datastructures.Operation;
import org.junit.jupiter.api.Test;

/**
 * The bounded buffer (the Condition exercise), model-checked against {@link Spec}, a queue that
 * never holds more than its capacity: a take from it when empty and a put into it when full have no
 * sequential meaning (they throw), so an implementation whose take comes back empty-handed, or whose
 * high-water mark passes the capacity, has results no order of the same calls explains.
 *
 * <p>{@code put} and {@code take} block, so the scenarios are fixed, not generated: each gives as
 * many puts as takes, so the correct buffer always finishes, and each lines up the situation the
 * {@code while} exists for (two waiters, one wake-up). Lincheck then explores their interleavings,
 * every lock, await and signal a point where another thread may run.
 */
class BoundedBufferLincheckTest {

    static final int CAPACITY = 1;

    public abstract static class Model {
        private final BoundedBuffer buffer;

        Model(BoundedBuffer buffer) {
            this.buffer = buffer;
        }

        @Operation(blocking = true)
        public void put(int item) throws InterruptedException {
            buffer.put(item);
        }

        @Operation(blocking = true)
        public Integer take() throws InterruptedException {
            return buffer.take();
        }

        /** The most items the buffer ever held. */
        @Operation
        public int maxSize() {
            return buffer.maxSize();
        }
    }

    /** await() in a while loop. */
    public static final class Reference extends Model {
        public Reference() {
            super(BoundedBuffer.reference(CAPACITY));
        }
    }

    /** await() in an if: a woken thread does not look again. */
    public static final class Naive extends Model {
        public Naive() {
            super(BoundedBuffer.naive(CAPACITY));
        }
    }

    /** A buffer one call at a time: nothing to wait for, so what would have to wait is an error. */
    public static final class Spec {
        private final ArrayDeque<Integer> items = new ArrayDeque<>();
        private int maxSize;

        public void put(int item) {
            if (items.size() == CAPACITY) {
                throw new IllegalStateException("put into a full buffer");
            }
            items.addLast(item);
            maxSize = Math.max(maxSize, items.size());
        }

        public Integer take() {
            if (items.isEmpty()) {
                throw new IllegalStateException("take from an empty buffer");
            }
            return items.pollFirst();
        }

        public int maxSize() {
            return maxSize;
        }
    }

    private static ModelCheckingOptions options() {
        return ModelCheck.options(0, 2_000).sequentialSpecification(Spec.class)
                // two consumers wait on an empty buffer; one put wakes both, and only one item is there
                .addCustomScenario(ModelCheck.scenario(Model.class)
                        .thread("take").thread("take").thread("put", 1, "put", 2).build())
                // two producers wait on a full buffer; one take frees one place for both
                .addCustomScenario(ModelCheck.scenario(Model.class)
                        .before("put", 1).thread("put", 2).thread("put", 3).thread("take", "take")
                        .after("maxSize", "take").build());
    }

    @Test
    void theWhileLoopBufferMatchesItsSpecInEveryInterleaving() {
        options().check(Reference.class);
    }

    @Test
    void theIfBufferIsCaughtTakingFromAnEmptyBuffer() {
        String report = ModelCheck.failureOf(options(), Naive.class, "an await() in an if trusts its wake-up");

        assertThat(report).contains("= Invalid execution results =", ModelCheck.INTERLEAVING_HEADING, "take(): null");
        RecordedInterleaving.at("lab/client/primitives/interleavings/condition.txt")
                .matches(ModelCheck.shortReport(report), getClass());
    }
}
