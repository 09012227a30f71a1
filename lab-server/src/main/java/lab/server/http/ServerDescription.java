package lab.server.http;

/**
 * How the server was started, reported beside the figures in {@code /stats} so that a result says
 * what produced it.
 */
public record ServerDescription(int limit, String latency, double faultRate, long seed, String transport, int ioThreads) {
}
