package lab.server;

import java.util.Objects;
import lab.server.behavior.LatencyModel;

/**
 * Everything a lab-server is started with; the defaults are the seed's API: 10 at a time,
 * log-normal latency with a 50 ms median and a 400 ms p99, no faults.
 *
 * @param port      port on 127.0.0.1, 0 for any free one
 * @param limit     hard limit of requests in flight
 * @param latency   the service-time model
 * @param faultRate fraction of accepted requests answered 500 or 503, 0 to 1
 * @param seed      seed of every random draw
 * @param ioThreads event-loop threads serving connections and the latency timer; 0 for the default,
 *                  {@link #defaultIoThreads()}
 */
public record ServerConfig(int port, int limit, LatencyModel latency, double faultRate, long seed, int ioThreads) {

    public static final int DEFAULT_PORT = 8080;
    public static final int DEFAULT_LIMIT = 10;
    public static final String DEFAULT_LATENCY = "lognormal:median=50ms,p99=400ms";
    public static final long DEFAULT_SEED = 42;

    public ServerConfig {
        Objects.requireNonNull(latency, "latency");
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be 0 to 65535, got " + port);
        }
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, got " + limit);
        }
        if (!(faultRate >= 0 && faultRate <= 1)) {
            throw new IllegalArgumentException("fault rate must be 0 to 1, got " + faultRate);
        }
        if (ioThreads < 0) {
            throw new IllegalArgumentException("io threads must be 0 (the default, half the cores) or more, got " + ioThreads);
        }
    }

    public static ServerConfig defaults() {
        return new ServerConfig(DEFAULT_PORT, DEFAULT_LIMIT, LatencyModel.parse(DEFAULT_LATENCY), 0, DEFAULT_SEED, 0);
    }

    public ServerConfig withPort(int port) {
        return new ServerConfig(port, limit, latency, faultRate, seed, ioThreads);
    }

    public ServerConfig withLimit(int limit) {
        return new ServerConfig(port, limit, latency, faultRate, seed, ioThreads);
    }

    public ServerConfig withLatency(LatencyModel latency) {
        return new ServerConfig(port, limit, latency, faultRate, seed, ioThreads);
    }

    public ServerConfig withFaultRate(double faultRate) {
        return new ServerConfig(port, limit, latency, faultRate, seed, ioThreads);
    }

    public ServerConfig withSeed(long seed) {
        return new ServerConfig(port, limit, latency, faultRate, seed, ioThreads);
    }

    public ServerConfig withIoThreads(int ioThreads) {
        return new ServerConfig(port, limit, latency, faultRate, seed, ioThreads);
    }

    /** The number of event-loop threads to start: {@code ioThreads}, or the default when it is 0. */
    public int effectiveIoThreads() {
        return ioThreads > 0 ? ioThreads : defaultIoThreads();
    }

    /**
     * Half the cores, at least one. The lab's server shares its machine with the clients that load
     * it, and one event loop already carries far more than a limit of 10 ever admits: on the 2-core
     * machine this lab was built on, under {@code wrk -t1 -c64} at {@code fixed:0ms}, one loop served
     * 100 000 to 110 000 requests/s and two loops 77 000 to 80 000, as they fought the load generator
     * for the second core.
     */
    public static int defaultIoThreads() {
        return Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
    }
}
