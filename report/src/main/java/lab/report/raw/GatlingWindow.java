package lab.report.raw;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One measuring window of a Gatling simulation as its raw file holds it: the server's own /stats
 * over the window. The arithmetic is the simulation's (gatling's {@code WindowFigures}): requests
 * carried in from the previous window were accepted there, so they are not this window's arrivals.
 */
public record GatlingWindow(String label, double nominalRps, long windowMs, long carriedIn, long accepted, long rejected,
                            long serviceMsSum, double p50, double p99, double meanHoldMs, int limit) {

    /** Reads a window line strictly ({@link StatsFields}): a field missing or unknown is an error naming it. */
    public static GatlingWindow of(JsonNode w) {
        JsonNode s = StatsFields.figures(StatsFields.required(w, "server", "window"), "server");
        JsonNode l = s.get("latency_ms");
        return new GatlingWindow(StatsFields.required(w, "label", "window").asText(),
                StatsFields.required(w, "nominal_rps", "window").asDouble(), StatsFields.required(w, "window_ms", "window").asLong(),
                StatsFields.required(w, "carried_in", "window").asLong(), s.get("accepted").asLong(), s.get("rejected").asLong(),
                s.get("service_ms_sum").asLong(), l.get("p50").asDouble(), l.get("p99").asDouble(), l.get("mean").asDouble(),
                s.get("limit").asInt());
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
