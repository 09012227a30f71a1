package lab.client.primitives;

import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Wrong, kept to show what the model checker finds: the lab's first {@link BoundedSemaphore}. It wraps
 * a {@link Semaphore} and counts the permits out in a second counter, and a release lowers the count
 * before it gives the permit back. Between those two steps the count says "none out" while the
 * semaphore has none to give: another thread's release is refused (right, by the count) and its
 * {@code tryAcquire} then fails (wrong: by the same count nothing is out). Stress never saw it
 * (0 broken rounds of 200: the pool's bound holds); Lincheck finds it at once.
 */
final class TwoCounterSemaphore implements Permits {

    private final Semaphore semaphore;
    private final int initial;
    private final AtomicInteger out = new AtomicInteger();

    TwoCounterSemaphore(int permits) {
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
