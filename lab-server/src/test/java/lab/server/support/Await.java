package lab.server.support;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits for a condition with a bound, instead of sleeping for a guessed time. */
public final class Await {

    public static final Duration DEFAULT_BOUND = Duration.ofSeconds(20);

    private Await() {
    }

    public static void until(String what, BooleanSupplier condition) throws InterruptedException {
        until(what, DEFAULT_BOUND, condition);
    }

    /** Polls every millisecond until {@code condition} holds; fails naming {@code what} if the bound passes first. */
    public static void until(String what, Duration bound, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + bound.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("gave up after " + bound.toSeconds() + " s waiting until " + what);
            }
            Thread.onSpinWait();
            java.util.concurrent.locks.LockSupport.parkNanos(1_000_000);
        }
    }
}
