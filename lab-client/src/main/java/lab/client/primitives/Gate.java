package lab.client.primitives;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;

/** A start gate: workers wait at it until it opens; once open it stays open. */
interface Gate {

    void await() throws InterruptedException;

    void open();

    /** Reference: a {@link CountDownLatch} of one, Java's one-shot event. Open is a state, not a count. */
    static Gate latch() {
        CountDownLatch latch = new CountDownLatch(1);
        return new Gate() {
            @Override
            public void await() throws InterruptedException {
                latch.await();
            }

            @Override
            public void open() {
                latch.countDown();
            }
        };
    }

    /**
     * Naive: a {@link Semaphore} of no permits, opened by releasing one permit per worker waiting at
     * that moment. It counts instead of remembering: everyone queued goes through, but a worker that
     * arrives after the opening (or was on its way into the queue as the count was read) finds no
     * permit and waits for ever.
     */
    static Gate permits() {
        Semaphore permits = new Semaphore(0);
        return new Gate() {
            @Override
            public void await() throws InterruptedException {
                permits.acquire();
            }

            @Override
            public void open() {
                permits.release(permits.getQueueLength());
            }
        };
    }
}
