package lab.server.connections;

import java.time.Duration;
import java.util.Objects;
import lab.server.behavior.Durations;

/**
 * How a lab-server guards itself against clients that stall, hoard connections or are told to stop.
 * Kept apart from {@link lab.server.ServerConfig}, which says what the API does; this says how long it waits
 * for whom. The defaults are the contract's, in the range real servers ship with: nginx waits 60 s
 * for a head and 75 s on an idle keep-alive. (Go's {@code http.Server} left at its zero value waits
 * for ever on both, which is how a slowloris client takes every file descriptor.)
 *
 * @param headerTimeout  a connection gets this long to send a whole request head, from its opening
 *                       or from the first byte after its last answer; then 408 and close
 * @param idleTimeout    a keep-alive connection with nothing owed either way is closed after this much silence
 * @param maxConnections open connections at most; one more is answered 503 at once and closed
 * @param drainTimeout   on SIGTERM or Ctrl-C, how long the requests in flight get to finish; 0 waits for none
 */
public record ConnectionPolicy(Duration headerTimeout, Duration idleTimeout, int maxConnections, Duration drainTimeout) {

    public static final String DEFAULT_HEADER_TIMEOUT = "10s";
    public static final String DEFAULT_IDLE_TIMEOUT = "60s";
    public static final int DEFAULT_MAX_CONNECTIONS = 10_000;
    public static final String DEFAULT_DRAIN_TIMEOUT = "10s";

    public ConnectionPolicy {
        Objects.requireNonNull(headerTimeout, "headerTimeout");
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        Objects.requireNonNull(drainTimeout, "drainTimeout");
        if (headerTimeout.isNegative() || headerTimeout.isZero()) {
            throw new IllegalArgumentException("header timeout must be positive, got " + headerTimeout);
        }
        if (idleTimeout.isNegative() || idleTimeout.isZero()) {
            throw new IllegalArgumentException("idle timeout must be positive, got " + idleTimeout);
        }
        if (maxConnections < 1) {
            throw new IllegalArgumentException("max connections must be at least 1, got " + maxConnections);
        }
        if (drainTimeout.isNegative()) {
            throw new IllegalArgumentException("drain timeout must not be negative, got " + drainTimeout);
        }
    }

    public static ConnectionPolicy defaults() {
        return new ConnectionPolicy(Durations.parse(DEFAULT_HEADER_TIMEOUT), Durations.parse(DEFAULT_IDLE_TIMEOUT),
                DEFAULT_MAX_CONNECTIONS, Durations.parse(DEFAULT_DRAIN_TIMEOUT));
    }

    public ConnectionPolicy withHeaderTimeout(Duration headerTimeout) {
        return new ConnectionPolicy(headerTimeout, idleTimeout, maxConnections, drainTimeout);
    }

    public ConnectionPolicy withIdleTimeout(Duration idleTimeout) {
        return new ConnectionPolicy(headerTimeout, idleTimeout, maxConnections, drainTimeout);
    }

    public ConnectionPolicy withMaxConnections(int maxConnections) {
        return new ConnectionPolicy(headerTimeout, idleTimeout, maxConnections, drainTimeout);
    }

    public ConnectionPolicy withDrainTimeout(Duration drainTimeout) {
        return new ConnectionPolicy(headerTimeout, idleTimeout, maxConnections, drainTimeout);
    }
}
