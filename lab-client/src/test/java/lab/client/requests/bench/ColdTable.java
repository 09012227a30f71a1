package lab.client.requests.bench;

import static lab.client.requests.bench.ColdRounds.f;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import lab.client.cli.Table;

/** The cold rounds' medians, each figure next to its target: the asyncio peer's, or the first wave's fastest service. */
final class ColdTable {

    private ColdTable() {
    }

    static void print(PrintStream out, Map<ColdRounds.Client, List<Map<String, Object>>> rows, int rounds, String latency) {
        int requests = (int) rows.values().iterator().next().getFirst().get("requests");
        out.printf(Locale.ROOT, "requests bench, cold: %d requests, --latency %s, a fresh process per client per round,"
                + " medians of %d rounds, JDK %s, %d cores%n", requests, latency, rounds, Runtime.version(),
                Runtime.getRuntime().availableProcessors());
        Table t = new Table("client", "ok", "429s", "efficiency", "peer's", "ttfr ms", "ttfr target", "process CPU s",
                "x peer's", "process wall s", "cpu ms/attempt", "KiB/attempt");
        rows.forEach((c, rs) -> {
            Double peerEfficiency = peerMedian(rows, c.strategy(), "efficiency");
            Double peerCpu = peerMedian(rows, c.strategy(), "process_cpu_s");
            double cpu = median(rs, "process_cpu_s");
            t.row(c.label(), f(median(rs, "ok"), 0), f(median(rs, "rejected"), 0), f(median(rs, "efficiency"), 3),
                    peerEfficiency == null ? "-" : f(peerEfficiency, 3), f(median(rs, "ttfr_ms"), 1),
                    c.strategy().equals("streaming") ? f(1.2 * median(rs, "first_wave_fastest_service_ms") + 5, 1) : "-",
                    f(cpu, 2), peerCpu == null ? "-" : f(cpu / peerCpu, 2), f(median(rs, "process_wall_s"), 2),
                    c.peer() ? "-" : f(median(rs, "client_cpu_ms_per_request"), 3),
                    c.peer() ? "-" : f(median(rs, "client_alloc_kb_per_request"), 1));
        });
        out.print(t);
        out.println("efficiency = bound / wall, bound = max(sum of service / limit, slowest) from the server's stats;"
                + " peer's = the asyncio answer's for the same strategy in the same rounds; ttfr target ="
                + " 1.2 x the first wave's fastest service + 5 ms; process CPU = user + system of the whole process"
                + " (/usr/bin/time), start-up included; cpu and KiB per attempt = during the measured run only.");
    }

    private static Double peerMedian(Map<ColdRounds.Client, List<Map<String, Object>>> rows, String strategy, String field) {
        return rows.entrySet().stream().filter(e -> e.getKey().peer() && e.getKey().strategy().equals(strategy))
                .map(e -> median(e.getValue(), field)).findFirst().orElse(null);
    }

    static double median(List<Map<String, Object>> rs, String field) {
        double[] v = rs.stream().mapToDouble(r -> ((Number) r.get(field)).doubleValue()).sorted().toArray();
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }
}
