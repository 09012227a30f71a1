package lab.client.primitives;

import java.util.ArrayDeque;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A buffer of at most {@code capacity} items: producers wait while it is full, consumers while it is
 * empty, on two {@link Condition}s of one lock. Both sides of the exercise share this class and
 * differ in one word: the reference waits in a {@code while} loop, which checks the condition again
 * after every wake-up, the naive one in an {@code if}, which trusts the wake-up. Between the signal
 * and the moment a woken thread gets the lock back, another thread can take the item (or the space)
 * it was woken for, so the {@code if} version takes from an empty buffer and overfills a full one.
 */
final class BoundedBuffer {

    private final int capacity;
    private final boolean recheckAfterWakeUp;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition notFull = lock.newCondition();
    private final Condition notEmpty = lock.newCondition();
    private final ArrayDeque<Integer> items = new ArrayDeque<>(); // guarded by lock
    private int maxSize; // guarded by lock

    private BoundedBuffer(int capacity, boolean recheckAfterWakeUp) {
        this.capacity = capacity;
        this.recheckAfterWakeUp = recheckAfterWakeUp;
    }

    static BoundedBuffer reference(int capacity) {
        return new BoundedBuffer(capacity, true);
    }

    static BoundedBuffer naive(int capacity) {
        return new BoundedBuffer(capacity, false);
    }

    void put(int item) throws InterruptedException {
        lock.lock();
        try {
            if (recheckAfterWakeUp) {
                while (items.size() == capacity) {
                    notFull.await();
                }
            } else if (items.size() == capacity) {
                notFull.await();
            }
            items.addLast(item);
            maxSize = Math.max(maxSize, items.size());
            notEmpty.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** The oldest item, or null when the buffer was empty after all (only the naive one returns null). */
    Integer take() throws InterruptedException {
        lock.lock();
        try {
            if (recheckAfterWakeUp) {
                while (items.isEmpty()) {
                    notEmpty.await();
                }
            } else if (items.isEmpty()) {
                notEmpty.await();
            }
            Integer item = items.pollFirst();
            notFull.signalAll();
            return item;
        } finally {
            lock.unlock();
        }
    }

    /** The most items it ever held; above capacity is a broken invariant. */
    int maxSize() {
        lock.lock();
        try {
            return maxSize;
        } finally {
            lock.unlock();
        }
    }

    int capacity() {
        return capacity;
    }

    /** Consumers waiting for an item right now: lets a test line them up before it puts one. */
    int waitingTakers() {
        lock.lock();
        try {
            return lock.getWaitQueueLength(notEmpty);
        } finally {
            lock.unlock();
        }
    }
}
