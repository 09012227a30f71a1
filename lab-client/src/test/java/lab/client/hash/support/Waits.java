package lab.client.hash.support;

import java.time.Duration;

/** Waiting on a condition with a bound, polling: never a bare sleep standing in for "long enough". */
public final class Waits {

    private Waits() {
    }

    /** A condition that may throw (a database query, say). */
    @FunctionalInterface
    public interface Condition {
        boolean holds() throws Exception;
    }

    public static void until(Duration bound, Condition condition, String what) throws Exception {
        long deadline = System.nanoTime() + bound.toNanos();
        while (!condition.holds()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + bound.toSeconds() + " s waiting for " + what);
            }
            Thread.sleep(20);
        }
    }
}
