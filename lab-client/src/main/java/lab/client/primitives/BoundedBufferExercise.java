package lab.client.primitives;

import java.time.Duration;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;

/**
 * Condition: a bounded buffer between producers and consumers. Each round: {@value #PRODUCERS}
 * producers put {@value #ITEMS_EACH} numbered items each through a buffer of {@value #CAPACITY},
 * {@value #CONSUMERS} consumers take them all.
 */
final class BoundedBufferExercise implements Exercise {

    static final int PRODUCERS = 2;
    static final int CONSUMERS = 3;
    static final int ITEMS_EACH = 100;
    static final int CAPACITY = 2;

    private final Duration stuckAfter;

    BoundedBufferExercise(Duration stuckAfter) {
        this.stuckAfter = stuckAfter;
    }

    @Override
    public String invariant() {
        return "the buffer never holds more than its capacity, a take never comes back empty-handed, and every item"
                + " is consumed exactly once, with no thread left waiting";
    }

    @Override
    public String asyncioPrimitive() {
        return "asyncio.Condition";
    }

    @Override
    public String javaCounterpart() {
        return "java.util.concurrent.locks.Condition (ReentrantLock.newCondition())";
    }

    @Override
    public String reference() {
        return "two Conditions of one ReentrantLock, await() in a while loop, signalAll()";
    }

    @Override
    public String naive() {
        return "the same, but await() in an if: a woken thread does not check again";
    }

    @Override
    public boolean breaksInRound(Side side, SplittableRandom random) throws InterruptedException {
        BoundedBuffer buffer = side == Side.REFERENCE ? BoundedBuffer.reference(CAPACITY) : BoundedBuffer.naive(CAPACITY);
        int total = PRODUCERS * ITEMS_EACH;
        AtomicInteger tickets = new AtomicInteger(total); // one per item: consumers stop when all are claimed
        AtomicInteger emptyTakes = new AtomicInteger();
        AtomicIntegerArray consumed = new AtomicIntegerArray(total);
        Crew crew = new Crew();
        for (int p = 0; p < PRODUCERS; p++) {
            int first = p * ITEMS_EACH;
            crew.start("producer-" + p, () -> {
                for (int i = 0; i < ITEMS_EACH; i++) {
                    buffer.put(first + i);
                }
            });
        }
        for (int c = 0; c < CONSUMERS; c++) {
            long workMicros = 1 + random.nextLong(5);
            crew.start("consumer-" + c, () -> {
                while (tickets.getAndDecrement() > 0) {
                    Integer item = buffer.take();
                    while (item == null) { // woken to an empty buffer: a broken take; try again so the round ends
                        emptyTakes.incrementAndGet();
                        item = buffer.take();
                    }
                    consumed.incrementAndGet(item);
                    Crew.pauseMicros(workMicros);
                }
            });
        }
        int stuck = crew.joinWithin(stuckAfter);
        return stuck > 0 || emptyTakes.get() > 0 || buffer.maxSize() > CAPACITY || !eachOnce(consumed);
    }

    private static boolean eachOnce(AtomicIntegerArray consumed) {
        for (int i = 0; i < consumed.length(); i++) {
            if (consumed.get(i) != 1) {
                return false;
            }
        }
        return true;
    }
}
