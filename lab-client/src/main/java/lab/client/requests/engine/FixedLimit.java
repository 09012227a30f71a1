package lab.client.requests.engine;

import java.util.concurrent.Semaphore;

/**
 * At most N in flight: the seed's {@code asyncio.Semaphore(10)}, hand-written on a fair
 * {@link Semaphore} (fair, so ids start in the order they were given). {@link BulkheadLimit} is the
 * library version of the same idea.
 */
public final class FixedLimit implements Limiter {

    private final Semaphore permits;

    public FixedLimit(int limit) {
        this.permits = new Semaphore(limit, true);
    }

    @Override
    public Permit acquire() throws InterruptedException {
        permits.acquire();
        return outcome -> permits.release();
    }
}
