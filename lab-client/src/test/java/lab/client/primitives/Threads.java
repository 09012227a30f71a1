package lab.client.primitives;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/** Test helpers: wait for a condition with a bound, and recognise a thread parked for good. */
final class Threads {

    static final Duration BOUND = Duration.ofSeconds(20);

    private Threads() {
    }

    static void awaitUntil(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + BOUND.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("gave up after " + BOUND.toSeconds() + " s waiting until " + what);
            }
            LockSupport.parkNanos(1_000_000);
        }
    }

    /** Waits until {@code t} is parked without a timeout (blocked in await/acquire/wait). */
    static void awaitParked(Thread t) {
        awaitUntil(t.getName() + " is parked", () -> t.getState() == Thread.State.WAITING);
    }

    static Thread start(String name, Crew.Body body) {
        return Thread.ofPlatform().name(name).daemon().start(() -> {
            try {
                body.run();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    static void joinAll(Thread... threads) throws InterruptedException {
        for (Thread t : threads) {
            if (!t.join(BOUND)) {
                throw new AssertionError(t.getName() + " did not end within " + BOUND.toSeconds() + " s");
            }
        }
    }
}
