package lab.client.requests;

import java.util.Locale;
import lab.server.stats.Percentiles;

/** The readable summary of a run: each figure next to its bound. */
final class SummaryText {

    private SummaryText() {
    }

    static String of(RequestsReport r) {
        Percentiles q = r.latencyMs();
        StringBuilder s = new StringBuilder();
        line(s, "%s (%s), %d requests, concurrency %d, server limit %d", r.strategy(), r.impl(), r.requests(),
                r.concurrency(), r.limit());
        line(s, "  answers     ok %d   failed %d   429s seen %d   retried %d", r.ok(), r.failed(), r.rejected(), r.retried());
        line(s, "  wall        %.0f ms   bound %.0f ms = max(sum of service / limit, slowest)   efficiency %.3f",
                r.wallMs(), r.boundMs(), r.efficiency());
        line(s, "  throughput  %.1f ok/s   bound %.1f /s = limit / mean service (Little's law)", r.throughputRps(),
                r.throughputBoundRps());
        line(s, "  first       %.1f ms to the first result handed on   bound %d ms = fastest service of the first %d",
                r.ttfrMs(), (long) r.firstWaveFastestServiceMs(), Math.min(r.concurrency(), r.requests()));
        line(s, "  latency ms  p50 %.1f   p90 %.1f   p99 %.1f   p99.9 %.1f   max %.1f", q.p50(), q.p90(), q.p99(),
                q.p999(), q.max());
        line(s, "  server      accepted %d   rejected %d   max in flight %d of %d", r.serverAccepted(),
                r.serverRejected(), r.serverMaxInFlight(), r.limit());
        line(s, "  client CPU  %.3f ms per attempt, %.1f KiB allocated per attempt", r.clientCpuMsPerRequest(),
                r.clientAllocKbPerRequest());
        if (r.foundLimit() != null) {
            line(s, "  adaptive    settled at %d in flight (server limit %d, cap %d)", r.foundLimit(), r.limit(),
                    r.concurrency());
        }
        return s.toString();
    }

    private static void line(StringBuilder s, String format, Object... args) {
        s.append(String.format(Locale.ROOT, format, args)).append('\n');
    }
}
