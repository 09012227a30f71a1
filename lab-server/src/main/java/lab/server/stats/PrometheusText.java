package lab.server.stats;

import java.util.Locale;

/**
 * Renders a {@link Snapshot} in Prometheus' text exposition format (version 0.0.4).
 * Written by hand: the format is a dozen lines here, and a metrics library would bring a registry
 * and a second copy of figures that the {@link Ledger} already keeps exactly.
 */
public final class PrometheusText {

    public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private PrometheusText() {
    }

    public static String render(Snapshot s) {
        StringBuilder out = new StringBuilder(1536);
        counter(out, "lab_requests_accepted_total", "Requests admitted under the limit.", s.accepted());
        counter(out, "lab_requests_rejected_total", "Requests answered 429 because the limit was full.", s.rejected());
        counter(out, "lab_requests_completed_total", "Accepted requests answered 200.", s.completed());
        counter(out, "lab_requests_failed_total", "Accepted requests that failed: injected fault, reset, hang or abandoned.", s.failed());
        counter(out, "lab_service_ms_sum", "Drawn service time of the accepted requests, in milliseconds.", s.serviceMsSum());
        gauge(out, "lab_service_ms_max", "Longest drawn service time, in milliseconds.", s.serviceMsMax());
        gauge(out, "lab_in_flight", "Requests in flight now.", s.inFlight());
        gauge(out, "lab_max_in_flight", "Most requests in flight at once since the last reset.", s.maxInFlight());
        gauge(out, "lab_limit", "Hard limit of requests in flight.", s.limit());
        Percentiles l = s.latencyMs();
        header(out, "lab_latency_ms", "Time from acceptance to the response handed to the socket, in milliseconds.", "summary");
        quantile(out, "0.5", l.p50());
        quantile(out, "0.9", l.p90());
        quantile(out, "0.99", l.p99());
        quantile(out, "0.999", l.p999());
        sample(out, "lab_latency_ms_sum", number(l.mean() * l.count()));
        sample(out, "lab_latency_ms_count", Long.toString(l.count()));
        gauge(out, "lab_latency_ms_max", "Longest latency sample, in milliseconds.", l.max());
        return out.toString();
    }

    /** The connection figures, {@code lab_connections} and {@code lab_connections_refused_total}, to follow {@link #render}. */
    public static String connections(int open, long refused) {
        StringBuilder out = new StringBuilder(256);
        gauge(out, "lab_connections", "Connections open now.", open);
        counter(out, "lab_connections_refused_total", "Connections answered 503 and closed at once: past --max-connections, or during a drain.", refused);
        return out.toString();
    }

    private static void counter(StringBuilder out, String name, String help, long value) {
        header(out, name, help, "counter");
        sample(out, name, Long.toString(value));
    }

    private static void gauge(StringBuilder out, String name, String help, double value) {
        header(out, name, help, "gauge");
        sample(out, name, number(value));
    }

    private static void header(StringBuilder out, String name, String help, String type) {
        out.append("# HELP ").append(name).append(' ').append(help).append('\n');
        out.append("# TYPE ").append(name).append(' ').append(type).append('\n');
    }

    private static void quantile(StringBuilder out, String q, double value) {
        sample(out, "lab_latency_ms{quantile=\"" + q + "\"}", number(value));
    }

    private static void sample(StringBuilder out, String name, String value) {
        out.append(name).append(' ').append(value).append('\n');
    }

    /** Whole numbers without a trailing ".0", fractions to the microsecond. */
    private static String number(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.3f", v);
    }
}
