package lab.gatling.run;

import java.util.Map;
import lab.server.stats.Snapshot;

/**
 * The figures of one window: the server's (the judge: its {@code /stats} figures) and each client's (what Gatling saw), over
 * the same span of time, measured in ms between the reset and the read.
 *
 * <p>A reset carries the requests then in flight into the new window as accepted, without their
 * service time (it was drawn before). {@code carriedIn} is that number, taken from the reset's own
 * answer, and the rates below leave those requests out: counted in, ten carried requests in a
 * four-second window would add 2.5 rps to the offered rate and shorten the mean service time by 2%.
 *
 * @param carriedIn requests in flight when the window opened
 */
public record WindowFigures(String label, double nominalRps, long windowMs, int carriedIn, Snapshot server,
                            Map<String, ClientFigures> clients) {

    /** Requests that arrived in the window and were accepted. */
    public long acceptedArrivals() {
        return Math.max(0, server.accepted() - carriedIn);
    }

    /** Everything that arrived in the window: the offered load in requests. */
    public long arrivals() {
        return acceptedArrivals() + server.rejected();
    }

    /** The fraction of arrivals answered 429, 0 when nothing arrived. */
    public double rejectedFraction() {
        return arrivals() == 0 ? 0 : (double) server.rejected() / arrivals();
    }

    /** Arrivals per second as the server counted them. */
    public double offeredRps() {
        return arrivals() * 1000.0 / windowMs;
    }

    /** Accepted arrivals per second. */
    public double acceptedRps() {
        return acceptedArrivals() * 1000.0 / windowMs;
    }

    /** Requests answered 200 per second. */
    public double completedRps() {
        return server.completed() * 1000.0 / windowMs;
    }

    /** The mean service time drawn for the requests accepted in the window, in ms (0 when none). */
    public double meanServiceMs() {
        return acceptedArrivals() == 0 ? 0 : (double) server.serviceMsSum() / acceptedArrivals();
    }

    /** Little's bound on throughput for the service times drawn in this window: limit / mean(L). */
    public double littleBoundRps() {
        double mean = meanServiceMs();
        return mean == 0 ? 0 : server.limit() * 1000.0 / mean;
    }
}
