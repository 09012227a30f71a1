package lab.client.support;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/** Waits for a condition with a bound, instead of sleeping for a guessed time. */
public final class Await {

    /** Long enough for anything a test waits on, even on a loaded two-core machine. */
    public static final Duration BOUND = Duration.ofSeconds(20);

    private Await() {
    }

    /** Waits up to {@link #BOUND} for {@code condition}; fails naming {@code what} if it never holds. */
    public static void require(String what, BooleanSupplier condition) {
        if (!until(BOUND, condition)) {
            throw new AssertionError("gave up after " + BOUND.toSeconds() + " s waiting until " + what);
        }
    }

    /** Polls every millisecond; true if {@code condition} held before {@code bound} passed. */
    public static boolean until(Duration bound, BooleanSupplier condition) {
        long deadline = System.nanoTime() + bound.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            LockSupport.parkNanos(1_000_000);
        }
        return true;
    }
}
