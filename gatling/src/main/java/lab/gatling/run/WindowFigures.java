package lab.gatling.run;

import java.util.Map;
import lab.gatling.judge.ServerStats;

/**
 * The figures of one window: the server's (the judge) and each client's (what Gatling saw), over
 * the same span of time, measured in ms between the reset and the read.
 */
public record WindowFigures(String label, double nominalRps, long windowMs, ServerStats server,
                            Map<String, ClientFigures> clients) {

    /** Arrivals per second as the server counted them (accepted + rejected). */
    public double offeredRps() {
        return server.offered() * 1000.0 / windowMs;
    }

    /** Accepted requests per second. */
    public double acceptedRps() {
        return server.accepted() * 1000.0 / windowMs;
    }

    /** Requests answered 200 per second. */
    public double completedRps() {
        return server.completed() * 1000.0 / windowMs;
    }

    /** Little's bound on throughput for the service times drawn in this window: limit / mean(L). */
    public double littleBoundRps() {
        double mean = server.meanServiceMs();
        return mean == 0 ? 0 : server.limit() * 1000.0 / mean;
    }
}
