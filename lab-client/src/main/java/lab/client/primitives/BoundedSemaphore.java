package lab.client.primitives;

import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A semaphore that refuses a release beyond its initial permits, as Python's
 * {@code asyncio.BoundedSemaphore} does (there a {@code ValueError}, here an
 * {@link IllegalStateException}). java.util.concurrent has no such class: {@link Semaphore}'s own
 * documentation says a release needs no matching acquire, so an extra release silently raises the
 * limit for good. Hand-written because it is the exercise; it wraps a {@link Semaphore} for the
 * waiting and counts the permits given out, so that a release with none out is caught before it
 * reaches the semaphore.
 *
 * <p>The count is raised after the semaphore grants a permit, so in the instant between the two a
 * release by a thread that holds nothing can be refused although a permit is out: the error is
 * raised a moment early for a caller that was wrong anyway, never late for a right one.
 */
final class BoundedSemaphore implements Permits {

    private final Semaphore semaphore;
    private final int initial;
    private final AtomicInteger out = new AtomicInteger();

    BoundedSemaphore(int permits) {
        if (permits < 1) {
            throw new IllegalArgumentException("permits must be at least 1, got " + permits);
        }
        this.semaphore = new Semaphore(permits);
        this.initial = permits;
    }

    @Override
    public void acquire() throws InterruptedException {
        semaphore.acquire();
        out.incrementAndGet();
    }

    @Override
    public boolean tryAcquire() {
        if (!semaphore.tryAcquire()) {
            return false;
        }
        out.incrementAndGet();
        return true;
    }

    /** @throws IllegalStateException when no permit is out: the release would lift the limit above its initial count */
    @Override
    public void release() {
        int held;
        do {
            held = out.get();
            if (held == 0) {
                throw new IllegalStateException("released more than acquired: the limit of " + initial + " would grow");
            }
        } while (!out.compareAndSet(held, held - 1));
        semaphore.release();
    }
}
