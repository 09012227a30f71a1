package lab.report.raw;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One measuring window of a Gatling simulation as its raw file holds it: the server's own /stats
 * over the window. The arithmetic is the simulation's (gatling's {@code WindowFigures}): requests
 * carried in from the previous window were accepted there, so they are not this window's arrivals.
 */
public record GatlingWindow(String label, double nominalRps, long windowMs, long carriedIn, long accepted, long rejected,
                            long serviceMsSum, double p50, double p99, double meanHoldMs, int limit) {

    public static GatlingWindow of(JsonNode w) {
        JsonNode s = w.path("server");
        JsonNode l = s.path("latency_ms");
        return new GatlingWindow(w.path("label").asText(), w.path("nominal_rps").asDouble(), w.path("window_ms").asLong(),
                w.path("carried_in").asLong(), s.path("accepted").asLong(), s.path("rejected").asLong(),
                s.path("service_ms_sum").asLong(), l.path("p50").asDouble(), l.path("p99").asDouble(), l.path("mean").asDouble(),
                s.path("limit").asInt());
    }

    public long acceptedArrivals() {
        return Math.max(0, accepted - carriedIn);
    }

    public long arrivals() {
        return acceptedArrivals() + rejected;
    }

    public double offeredRps() {
        return arrivals() * 1000.0 / windowMs;
    }

    public double acceptedRps() {
        return acceptedArrivals() * 1000.0 / windowMs;
    }

    public double rejectedFraction() {
        return arrivals() == 0 ? 0 : (double) rejected / arrivals();
    }

    public double meanServiceMs() {
        return acceptedArrivals() == 0 ? 0 : (double) serviceMsSum / acceptedArrivals();
    }
}
