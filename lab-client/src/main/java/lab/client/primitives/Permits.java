package lab.client.primitives;

import java.util.concurrent.Semaphore;

/** Permits to use one of a fixed number of connections. */
interface Permits {

    void acquire() throws InterruptedException;

    boolean tryAcquire();

    void release();

    /** Naive: Java's {@link Semaphore}, which, like asyncio's plain Semaphore, takes any release and grows. */
    static Permits plain(int permits) {
        Semaphore semaphore = new Semaphore(permits);
        return new Permits() {
            @Override
            public void acquire() throws InterruptedException {
                semaphore.acquire();
            }

            @Override
            public boolean tryAcquire() {
                return semaphore.tryAcquire();
            }

            @Override
            public void release() {
                semaphore.release();
            }
        };
    }

    static Permits bounded(int permits) {
        return new BoundedSemaphore(permits);
    }
}
