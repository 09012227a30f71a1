package lab.client.primitives;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The threads of one round. Platform threads on purpose: they are preempted anywhere, so the
 * interleavings the naive solutions fear actually happen on two cores; virtual threads switch only
 * where they block and would hide most of them.
 */
final class Crew {

    /** A worker's body; it may block and be interrupted. */
    @FunctionalInterface
    interface Body {
        void run() throws Exception;
    }

    private final List<Thread> threads = new ArrayList<>();

    void start(String name, Body body) {
        threads.add(Thread.ofPlatform().name(name).daemon().start(() -> {
            try {
                body.run();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt(); // stopped by joinWithin: it was stuck
            } catch (Exception e) {
                throw new IllegalStateException(name + " failed", e);
            }
        }));
    }

    /**
     * Waits up to {@code bound} for every worker to end, then interrupts the ones still running and
     * returns how many there were: a worker still blocked that long after it could have gone on is
     * stuck for good, since nobody is left to wake it.
     */
    int joinWithin(Duration bound) throws InterruptedException {
        long deadline = System.nanoTime() + bound.toNanos();
        int stuck = 0;
        for (Thread t : threads) {
            long left = deadline - System.nanoTime();
            if (left <= 0 || !t.join(Duration.ofNanos(left))) {
                stuck++;
            }
        }
        for (Thread t : threads) {
            t.interrupt();
        }
        for (Thread t : threads) {
            if (!t.join(Duration.ofSeconds(5))) {
                throw new IllegalStateException(t.getName() + " ignored its interrupt for 5 s");
            }
        }
        return stuck;
    }

    static void pauseMicros(long micros) {
        long end = System.nanoTime() + TimeUnit.MICROSECONDS.toNanos(micros);
        while (System.nanoTime() < end) {
            Thread.onSpinWait(); // a busy pause: a sleep would hand the core away at the same spot every time
        }
    }
}
