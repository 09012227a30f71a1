package lab.client.cache;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/** Waits for a condition with a bound, never for a guessed time. */
final class Await {

    static final Duration BOUND = Duration.ofSeconds(20);

    private Await() {
    }

    static void until(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + BOUND.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("gave up after " + BOUND.toSeconds() + " s waiting until " + what);
            }
            LockSupport.parkNanos(1_000_000);
        }
    }
}
