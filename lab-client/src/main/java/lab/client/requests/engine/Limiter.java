package lab.client.requests.engine;

import lab.client.requests.call.Attempt;

/**
 * Decides how many requests may be in flight. A request starts only with a permit and gives it back
 * when its attempt ends, with the outcome, so an adaptive limiter can learn from 429s.
 */
public interface Limiter {

    Permit acquire() throws InterruptedException;

    @FunctionalInterface
    interface Permit {
        /** Gives the permit back; {@code outcome} is null when the attempt was cancelled before an answer. */
        void release(Attempt outcome);
    }
}
