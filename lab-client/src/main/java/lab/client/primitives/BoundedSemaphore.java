package lab.client.primitives;

import java.util.concurrent.Semaphore;
import java.util.concurrent.locks.AbstractQueuedSynchronizer;

/**
 * A semaphore that refuses a release beyond its initial permits, as Python's
 * {@code asyncio.BoundedSemaphore} does (there a {@code ValueError}, here an
 * {@link IllegalStateException}). java.util.concurrent has no such class: {@link Semaphore}'s own
 * documentation says a release needs no matching acquire, so an extra release silently raises the
 * limit for good. Hand-written because it is the exercise.
 *
 * <p>It is built the way {@link Semaphore} itself is: on an {@link AbstractQueuedSynchronizer} whose
 * one state word is the number of permits available, taken and given back by compare-and-set, with
 * the queue of waiting threads left to the synchronizer. A release that would lift that number
 * above the initial count is refused in the same compare-and-set loop. One number answers both
 * "can I take one?" and "is one out?", so there is no instant where the two disagree. The first
 * version wrapped a {@link Semaphore} and kept a second counter of permits out beside it; Lincheck's
 * model checker found the instant between the two updates in which a release is refused although a
 * permit was already on its way back and a {@code tryAcquire} fails although none is out
 * ({@code BoundedSemaphoreLincheckTest} keeps that version and the interleaving).
 */
final class BoundedSemaphore implements Permits {

    private final Sync sync;

    BoundedSemaphore(int permits) {
        if (permits < 1) {
            throw new IllegalArgumentException("permits must be at least 1, got " + permits);
        }
        this.sync = new Sync(permits);
    }

    @Override
    public void acquire() throws InterruptedException {
        sync.acquireSharedInterruptibly(1);
    }

    @Override
    public boolean tryAcquire() {
        return sync.tryAcquireShared(1) >= 0;
    }

    /** @throws IllegalStateException when no permit is out: the release would lift the limit above its initial count */
    @Override
    public void release() {
        sync.releaseShared(1);
    }

    /** The state is the number of permits available, from 0 to {@code initial}. */
    private static final class Sync extends AbstractQueuedSynchronizer {

        private final int initial;

        Sync(int permits) {
            this.initial = permits;
            setState(permits);
        }

        /** Takes without queueing (barging, like a non-fair {@link Semaphore}); negative when none is left. */
        @Override
        protected int tryAcquireShared(int permits) {
            while (true) {
                int available = getState();
                int left = available - permits;
                if (left < 0 || compareAndSetState(available, left)) {
                    return left;
                }
            }
        }

        @Override
        protected boolean tryReleaseShared(int permits) {
            while (true) {
                int available = getState();
                if (available + permits > initial) {
                    throw new IllegalStateException("released more than acquired: the limit of " + initial + " would grow");
                }
                if (compareAndSetState(available, available + permits)) {
                    return true;
                }
            }
        }
    }
}
