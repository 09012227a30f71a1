package lab.client.primitives;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The lost check, forced: two consumers wait on an empty buffer, one item arrives, both are woken.
 * Whichever gets the lock second finds the buffer empty again.
 */
class BoundedBufferTest {

    @Test
    void whileLoopSendsTheSecondWokenConsumerBackToWait() throws Exception {
        BoundedBuffer buffer = BoundedBuffer.reference(2);
        List<Integer> taken = Collections.synchronizedList(new ArrayList<>());
        Thread a = Threads.start("consumer-a", () -> taken.add(buffer.take()));
        Thread b = Threads.start("consumer-b", () -> taken.add(buffer.take()));
        Threads.awaitUntil("both consumers wait for an item", () -> buffer.waitingTakers() == 2);

        buffer.put(7);
        Threads.awaitUntil("one consumer has the item and the other waits again",
                () -> taken.size() == 1 && buffer.waitingTakers() == 1);
        buffer.put(8);
        Threads.joinAll(a, b);
        assertThat(taken).containsExactlyInAnyOrder(7, 8);
    }

    @Test
    void ifLetsTheSecondWokenConsumerTakeFromAnEmptyBuffer() throws Exception {
        BoundedBuffer buffer = BoundedBuffer.naive(2);
        List<Integer> taken = Collections.synchronizedList(new ArrayList<>());
        Thread a = Threads.start("consumer-a", () -> taken.add(buffer.take()));
        Thread b = Threads.start("consumer-b", () -> taken.add(buffer.take()));
        Threads.awaitUntil("both consumers wait for an item", () -> buffer.waitingTakers() == 2);

        buffer.put(7);
        Threads.joinAll(a, b);
        assertThat(taken).as("what the two woken consumers took from one item").containsExactlyInAnyOrder(7, null);
    }

    @Test
    void ifLetsTheSecondWokenProducerOverfillAFullBuffer() throws Exception {
        BoundedBuffer buffer = BoundedBuffer.naive(1);
        buffer.put(1);
        Thread a = Threads.start("producer-a", () -> buffer.put(2));
        Thread b = Threads.start("producer-b", () -> buffer.put(3));
        Threads.awaitParked(a);
        Threads.awaitParked(b);

        buffer.take(); // one free place, and both producers are woken for it
        Threads.joinAll(a, b);
        assertThat(buffer.maxSize()).as("most items held by a buffer of capacity 1").isEqualTo(2);
    }
}
