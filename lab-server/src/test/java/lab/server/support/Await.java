package lab.server.support;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

/**
 * Waits for a condition with a bound, instead of sleeping for a guessed time. The lab's one bounded
 * wait: in lab-server's test jar, which every other module's tests use (see lab-server's pom).
 */
public final class Await {

    /** Long enough for anything a test waits on, even on a loaded two-core machine. */
    public static final Duration DEFAULT_BOUND = Duration.ofSeconds(20);
    /** The same bound, under the name lab-client's tests know it by. */
    public static final Duration BOUND = DEFAULT_BOUND;

    /** A condition that may throw (a database query, an HTTP call); a throw ends the wait as a failure. */
    @FunctionalInterface
    public interface Condition {
        boolean holds() throws Exception;
    }

    private Await() {
    }

    public static void until(String what, Condition condition) throws InterruptedException {
        until(what, DEFAULT_BOUND, condition);
    }

    /** Polls every millisecond until {@code condition} holds; fails naming {@code what} if the bound passes first. */
    public static void until(String what, Duration bound, Condition condition) throws InterruptedException {
        if (!holdsWithin(what, bound, condition)) {
            throw new AssertionError("gave up after " + bound.toSeconds() + " s waiting until " + what);
        }
    }

    /**
     * {@link #until(String, Condition)} for callers that cannot throw {@link InterruptedException}:
     * an interrupt keeps the thread's flag and fails the wait.
     */
    public static void require(String what, Condition condition) {
        try {
            until(what, condition);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting until " + what, e);
        }
    }

    /** True if {@code condition} held before {@code bound} passed; false (not a failure) if it did not. */
    public static boolean until(Duration bound, Condition condition) throws InterruptedException {
        return holdsWithin("the condition holds", bound, condition);
    }

    private static boolean holdsWithin(String what, Duration bound, Condition condition) throws InterruptedException {
        long deadline = System.nanoTime() + bound.toNanos();
        while (!check(what, condition)) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            LockSupport.parkNanos(1_000_000);
            if (Thread.interrupted()) {
                throw new InterruptedException("interrupted while waiting until " + what);
            }
        }
        return true;
    }

    private static boolean check(String what, Condition condition) {
        try {
            return condition.holds();
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Exception e) {
            throw new AssertionError("could not check whether " + what + ": " + e, e);
        }
    }
}
