package lab.client.requests.engine;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import lab.client.requests.call.Attempt;

/**
 * How long to wait before attempt k+1. Exponential with full jitter (a random wait up to
 * {@code base * 2^(k-1)}, capped), so failed ids do not come back in a synchronized wave; after a
 * 429, never less than the server's own hint.
 */
public record Backoff(Duration base, Duration cap, boolean honourRetryAfter) {

    /** The default of {@code retrying}: 20 ms doubling up to 1 s, and at least what a 429 asks for. */
    public static final Backoff DEFAULT = new Backoff(Duration.ofMillis(20), Duration.ofSeconds(1), true);

    /** No wait: for a limiter that already holds the next attempt back until a slot is free. */
    public static final Backoff NONE = new Backoff(Duration.ZERO, Duration.ZERO, false);

    public long delayMs(int attemptsSoFar, Attempt last) {
        long ceiling = Math.min(cap.toMillis(), base.toMillis() << Math.min(20, attemptsSoFar - 1));
        long jittered = ceiling <= 0 ? 0 : ThreadLocalRandom.current().nextLong(ceiling + 1);
        return honourRetryAfter && last.rejected() ? Math.max(jittered, last.retryAfterMs()) : jittered;
    }
}
