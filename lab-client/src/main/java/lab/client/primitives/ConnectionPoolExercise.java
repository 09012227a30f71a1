package lab.client.primitives;

import java.time.Duration;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * BoundedSemaphore: a pool of {@value #CONNECTIONS} connections guarded by permits, and one code path
 * with the classic bug: a query that fails is retried, and its error handler releases the permit
 * that the {@code finally} releases again. Each round the buggy path runs once, then
 * {@value #WORKERS} workers use the pool {@value #USES} times each. With a plain semaphore the extra
 * release goes unnoticed and the pool now admits one more than it has; the bounded one refuses it
 * at once, where the bug is.
 */
final class ConnectionPoolExercise implements Exercise {

    static final int CONNECTIONS = 3;
    static final int WORKERS = 6;
    static final int USES = 20;

    private final Duration stuckAfter;

    ConnectionPoolExercise(Duration stuckAfter) {
        this.stuckAfter = stuckAfter;
    }

    @Override
    public String invariant() {
        return "never more than " + CONNECTIONS + " connections in use at once, even after a code path releases twice";
    }

    @Override
    public String asyncioPrimitive() {
        return "asyncio.BoundedSemaphore";
    }

    @Override
    public String javaCounterpart() {
        return "none: java.util.concurrent.Semaphore is asyncio.Semaphore (an extra release grows it); bounded by hand";
    }

    @Override
    public String reference() {
        return "BoundedSemaphore: one synchronizer state of permits available; a release that would pass the initial count throws";
    }

    @Override
    public String naive() {
        return "java.util.concurrent.Semaphore(3): the double release raises the limit to 4, silently";
    }

    @Override
    public boolean breaksInRound(Side side, SplittableRandom random) throws InterruptedException {
        Permits permits = side == Side.REFERENCE ? Permits.bounded(CONNECTIONS) : Permits.plain(CONNECTIONS);
        AtomicInteger inUse = new AtomicInteger();
        AtomicInteger maxInUse = new AtomicInteger();
        retryWithDoubleRelease(permits);
        CountDownLatch start = new CountDownLatch(1);
        Crew crew = new Crew();
        for (int w = 0; w < WORKERS; w++) {
            long holdMicros = 20 + random.nextLong(80);
            crew.start("pool-worker-" + w, () -> {
                start.await();
                for (int u = 0; u < USES; u++) {
                    permits.acquire();
                    try {
                        maxInUse.accumulateAndGet(inUse.incrementAndGet(), Math::max);
                        // a query waits on the network: parked, not spinning, so others run meanwhile
                        LockSupport.parkNanos(TimeUnit.MICROSECONDS.toNanos(holdMicros));
                        inUse.decrementAndGet();
                    } finally {
                        permits.release();
                    }
                }
            });
        }
        start.countDown();
        int stuck = crew.joinWithin(stuckAfter);
        return stuck > 0 || maxInUse.get() > CONNECTIONS;
    }

    /**
     * The bug, as it is usually written: the handler of a failed query gives the connection back
     * before retrying, and the {@code finally} gives it back again. Returns whether the extra release
     * was refused (only the bounded semaphore refuses it).
     */
    static boolean retryWithDoubleRelease(Permits permits) throws InterruptedException {
        try {
            permits.acquire();
            try {
                runQuery();
            } catch (QueryFailed e) {
                permits.release(); // "give the connection back before retrying"
            } finally {
                permits.release(); // ...and the finally gives it back again
            }
        } catch (IllegalStateException refused) {
            return true;
        }
        return false;
    }

    private static void runQuery() throws QueryFailed {
        throw new QueryFailed(); // the first attempt always fails here: the path under test is the handler
    }

    /** A failed query, as a database driver would report it. */
    static final class QueryFailed extends Exception {
        QueryFailed() {
            super("query failed", null, false, false);
        }
    }
}
