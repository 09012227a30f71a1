package lab.client.requests.engine;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import java.time.Duration;

/**
 * The library baseline of {@link FixedLimit}: resilience4j's semaphore {@link Bulkhead}, with a
 * fair queue and a wait long enough that a caller waits for its turn instead of being turned away.
 */
public final class BulkheadLimit implements Limiter {

    private final Bulkhead bulkhead;

    public BulkheadLimit(int limit) {
        this.bulkhead = Bulkhead.of("lab-client", BulkheadConfig.custom()
                .maxConcurrentCalls(limit)
                .maxWaitDuration(Duration.ofDays(1))
                .fairCallHandlingStrategyEnabled(true)
                .build());
    }

    @Override
    public Permit acquire() throws InterruptedException {
        try {
            bulkhead.acquirePermission();
        } catch (BulkheadFullException e) {
            // An interrupted wait comes back as "full" with the interrupt flag set: report it as what it is.
            if (Thread.interrupted()) {
                throw new InterruptedException("interrupted while waiting for the bulkhead");
            }
            throw e;
        }
        return outcome -> bulkhead.onComplete();
    }
}
