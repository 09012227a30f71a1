package lab.client.requests.strategy;

import java.time.Duration;
import lab.client.requests.call.ItemClient;

/**
 * What a strategy is given: the client to call through, at most how many requests to keep in flight
 * (for {@code adaptive} a cap, not the answer), the per-request timeout and the deadline of the whole
 * run (null for none), and how many extra attempts a failed id may get.
 */
public record Settings(ItemClient client, int concurrency, Duration timeout, Duration deadline, int retries) {

    public Settings {
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be at least 1, was " + concurrency);
        }
        if (retries < 0) {
            throw new IllegalArgumentException("retries must be 0 or more, was " + retries);
        }
    }
}
