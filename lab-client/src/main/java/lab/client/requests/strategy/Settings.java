package lab.client.requests.strategy;

import java.net.URI;
import java.time.Duration;
import java.util.function.Function;
import lab.client.requests.call.ItemClient;
import lab.client.requests.call.Transport;

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

    /**
     * These settings with the client calling through a transport of {@code kind}, made by
     * {@code make} for the client's server when it does not already (the same ids, queries and
     * counters: {@link ItemClient#through}); unchanged without a client. What a family with an HTTP
     * client of its own does to the settings it is given.
     */
    public Settings through(Class<? extends Transport> kind, Function<URI, ? extends Transport> make) {
        if (client == null || client.callsThrough(kind)) {
            return this;
        }
        return new Settings(client.through(make.apply(client.base())), concurrency, timeout, deadline, retries);
    }
}
