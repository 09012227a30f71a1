package lab.client.requests.engine;

import java.time.Duration;
import lab.client.requests.call.Attempt;
import lab.client.requests.call.ItemClient;
import lab.client.requests.strategy.Result;

/** The two things a strategy does with one id: one attempt, or attempts until it succeeds or runs out of retries. */
public final class Tasks {

    private Tasks() {
    }

    /** One attempt; the permit is given back the moment the answer (or the cancellation) is in. */
    public static Task once(ItemClient client, Duration timeout) {
        return (id, permit) -> {
            long start = System.nanoTime();
            try {
                Attempt a = attempt(client, id, timeout, permit);
                return Result.of(id, a, 1, sinceMs(start));
            } catch (InterruptedException e) {
                throw new CutOff(1);
            }
        };
    }

    /**
     * Tries again only what failed in a way that may pass (429, 500, 503, no response), up to
     * {@code retries} extra attempts, waiting the backoff with no permit held.
     */
    public static Task retrying(ItemClient client, Duration timeout, int retries, Backoff backoff, Limiter limiter) {
        return retrying(client, timeout, retries, backoff, limiter, 0);
    }

    /**
     * As {@link #retrying(ItemClient, Duration, int, Backoff, Limiter)}, but up to {@code freeResends}
     * 429s are sent again at once and do not count against the retries: for a limiter that learns
     * from them and holds the next attempt back itself.
     */
    public static Task retrying(ItemClient client, Duration timeout, int retries, Backoff backoff, Limiter limiter,
                                int freeResends) {
        return (id, permit) -> {
            long start = System.nanoTime();
            int attempts = 0;
            int failures = 0;
            int resent = 0;
            Limiter.Permit current = permit;
            while (true) {
                Attempt a;
                try {
                    a = attempt(client, id, timeout, current);
                } catch (InterruptedException e) {
                    throw new CutOff(attempts + 1); // this one was on the wire
                }
                attempts++;
                boolean free = a.rejected() && resent < freeResends;
                if (free) {
                    resent++;
                } else {
                    failures++;
                }
                if (a.ok() || !a.retryable() || failures > retries) {
                    return Result.of(id, a, attempts, sinceMs(start));
                }
                try {
                    if (!free) {
                        Thread.sleep(backoff.delayMs(failures, a));
                    }
                    current = limiter.acquire();
                } catch (InterruptedException e) {
                    throw new CutOff(attempts); // waiting, with nothing on the wire
                }
            }
        };
    }

    private static Attempt attempt(ItemClient client, String id, Duration timeout, Limiter.Permit permit)
            throws InterruptedException {
        Attempt outcome = null;
        try {
            outcome = client.call(id, timeout);
            return outcome;
        } finally {
            permit.release(outcome);
        }
    }

    static double sinceMs(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e6;
    }
}
