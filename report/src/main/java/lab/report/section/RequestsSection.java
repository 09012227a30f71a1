package lab.report.section;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import lab.report.Page;
import lab.report.md.Num;
import lab.report.md.Table;
import lab.report.model.Interval;
import lab.report.plot.BarChart;
import lab.report.plot.SvgPlot;
import lab.report.raw.JmhResult;
import lab.report.raw.RawData;

/**
 * The requests task: each strategy and family in the JMH suite (efficiency against `max(ΣL/C, max L)`,
 * first result against the first wave's fastest service, client CPU and bytes per request), then the
 * lab's own requests bench and the seed's questions run one by one.
 */
public final class RequestsSection {

    static final String RUNS = "jmh/RequestStrategyBenchmark-runs.jsonl";

    private RequestsSection() {
    }

    /** One strategy/family in the suite: JMH's score and the figures of its measured runs. */
    public record Case(String name, JmhResult jmh, List<JsonNode> runs) {

        List<Double> field(String f) {
            List<Double> v = new ArrayList<>();
            runs.forEach(r -> v.add(r.path(f).asDouble()));
            return v;
        }

        double boundMs() {
            return Stats.median(field("bound_ms"));
        }

        /**
         * Efficiency as {@code requests --json} reports it (bound over the run's own wall time, from the
         * first request to the last result, without the reset and warm-up that JMH's operation also
         * times), with a 99.9% interval over the measured runs of the same meaning as JMH's.
         */
        Interval efficiency() {
            return Interval.of(field("efficiency"));
        }

        public double cpuMsPerRequest() {
            return Stats.median(field("client_cpu_ms_per_request"));
        }

        double bytesPerRequest(int requests) {
            return jmh.bytesPerOp().orElse(Double.NaN) / requests;
        }
    }

    public static List<Case> cases(RawData data) {
        Map<String, List<JsonNode>> runs = new LinkedHashMap<>();
        for (JsonNode r : data.claim(RUNS)) {
            runs.computeIfAbsent(r.path("case").asText(), k -> new ArrayList<>()).add(r);
        }
        List<Case> cases = new ArrayList<>();
        for (JmhResult r : data.jmh("RequestStrategyBenchmark")) {
            cases.add(new Case(r.param("strategy"), r, runs.getOrDefault(r.param("strategy"), List.of())));
        }
        return cases;
    }

    public static void render(Page page, RawData data) {
        page.line("## Requests: an API that serves 10 at a time").line("");
        suite(page, data);
        labBench(page, data);
        questions(page, data);
    }

    private static void suite(Page page, RawData data) {
        List<Case> cases = cases(data);
        if (cases.isEmpty()) {
            return;
        }
        JsonNode first = cases.get(0).runs().isEmpty() ? null : cases.get(0).runs().get(0);
        int requests = first == null ? 0 : first.path("requests").asInt();
        page.paragraph("Each strategy and implementation family, one operation = one whole run of " + requests
                + " requests against a lab-server (limit 10, " + (first == null ? "" : first.path("latency").asText())
                + ", seed " + (first == null ? "" : first.path("seed").asText()) + ") in a JVM of its own, so the fork's CPU "
                + "and allocation are the client's. JMH's score times the whole operation (the server's reset, the "
                + "connections' warm-up, the run, the figures read back); the run's wall time is from the first request "
                + "to the last result, as `requests --json` reports it. The bound is the server's `max(ΣL/10, max L)` "
                + "for the same draws; efficiency = bound / run wall, its ± the 99.9% interval over the measured runs.");
        Table t = new Table("strategy/family", "JMH ms/op (99.9% CI)", "run wall ms (median)", "bound ms", "efficiency",
                "first result ms", "first wave's fastest service ms", "429s", "client CPU ms/request", "bytes/request");
        for (Case c : cases) {
            Interval e = c.efficiency();
            t.row(c.name(), Num.withError(c.jmh().score(), c.jmh().error()), Num.sig(Stats.median(c.field("wall_ms"))),
                    Num.sig(c.boundMs()), Num.fixed(e.mean(), 3) + (Double.isNaN(e.halfWidth()) ? "" : " ± " + Num.fixed(e.halfWidth(), 3)),
                    Stats.medianRange(c.field("ttfr_ms"), 1), Stats.medianRange(c.field("first_wave_fastest_service_ms"), 1),
                    Stats.medianRange(c.field("rejected"), 0), Stats.medianRange(c.field("client_cpu_ms_per_request"), 3),
                    Num.sig(c.bytesPerRequest(requests)));
        }
        page.text(t.render());
        BarChart chart = new BarChart("Efficiency of each strategy/family (bound / wall; 99.9% CI over runs)", "efficiency")
                .reference(1.0, "bound");
        for (Case c : cases) {
            Interval e = c.efficiency();
            chart.bar(new BarChart.Bar(c.name(), e.mean(), e.halfWidth(),
                    c.name().startsWith("unbounded") ? "#d62728" : "#1f77b4"));
        }
        page.plot("request-efficiency.svg", "efficiency of each strategy", chart.render());
        page.plot("request-latency.svg", "latency percentiles per strategy", latencyPlot(cases));
        page.text(Source.of("jmh/RequestStrategyBenchmark.json, " + RUNS, "mvn -pl jmh exec:java"));
    }

    /** Percentiles against "nines" (p90 = 1, p99 = 2, p99.9 = 3): HdrHistogram's way of showing a tail. */
    private static String latencyPlot(List<Case> cases) {
        String[] fields = {"p50", "p90", "p99", "p999"};
        double[] nines = {Math.log10(2), 1, 2, 3};
        List<SvgPlot.Series> series = new ArrayList<>();
        String[] colors = {"#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf"};
        int i = 0;
        for (Case c : cases) {
            if (c.runs().isEmpty() || c.name().startsWith("unbounded")) {
                continue; // unbounded's latencies are mostly instant 429s: another scale
            }
            double[] ys = new double[fields.length];
            for (int k = 0; k < fields.length; k++) {
                List<Double> v = new ArrayList<>();
                for (JsonNode r : c.runs()) {
                    v.add(r.path("latency_ms").path(fields[k]).asDouble());
                }
                ys[k] = Stats.median(v);
            }
            series.add(new SvgPlot.Series(c.name(), colors[i++ % colors.length], false, nines, ys));
        }
        return new SvgPlot("Client-side latency percentiles (median over measured runs)", "nines: 0.3 = p50, 1 = p90, 2 = p99, 3 = p99.9", 3)
                .panel(new SvgPlot.Panel("latency of a request as the strategy saw it", "ms", series)).render();
    }

    private static void labBench(Page page, RawData data) {
        List<JsonNode> rows = data.claim("requests-bench.jsonl");
        if (rows.isEmpty()) {
            return;
        }
        page.line("### The requests bench (`./lab bench-requests`)").line("");
        List<JsonNode> cold = rows.stream().filter(r -> r.path("mode").asText().equals("cold")).toList();
        Map<String, List<JsonNode>> byCase = new LinkedHashMap<>();
        for (JsonNode r : rows) {
            if (!r.path("mode").asText().equals("cold")) { // warm: one JVM, every run after a warm-up
                byCase.computeIfAbsent(r.path("strategy").asText() + "/" + r.path("impl").asText() + " @ " + r.path("latency").asText()
                        + " × " + r.path("requests").asInt(), k -> new ArrayList<>()).add(r);
            }
        }
        Table t = new Table("strategy/impl @ latency × requests", "runs", "efficiency (median, range)", "first result ms",
                "first wave's fastest ms", "429s", "client CPU ms/request");
        byCase.forEach((name, rs) -> t.row(name, rs.size(), Stats.medianRange(values(rs, "efficiency"), 3),
                Stats.medianRange(values(rs, "ttfr_ms"), 1), Stats.medianRange(values(rs, "first_wave_fastest_service_ms"), 1),
                Stats.medianRange(values(rs, "rejected"), 0), Stats.medianRange(values(rs, "client_cpu_ms_per_request"), 2)));
        page.line("Warm: one JVM, every strategy and family in rounds after a warm-up.").line("");
        page.text(t.render());
        if (!cold.isEmpty()) {
            coldStart(page, cold);
        }
        page.text(Source.of("requests-bench.jsonl", "./lab bench-requests --out results/raw/requests-bench.jsonl"));
    }

    /**
     * The cold rows: a fresh process per client per round, the seed's asyncio answers beside the
     * Java clients; each client next to the peer of its strategy in the same rounds.
     */
    private static void coldStart(Page page, List<JsonNode> cold) {
        Map<String, List<JsonNode>> byClient = new LinkedHashMap<>();
        Map<String, List<JsonNode>> peers = new LinkedHashMap<>();
        for (JsonNode r : cold) {
            String run = r.path("requests").asInt() + " requests";
            byClient.computeIfAbsent(r.path("client").asText() + " × " + run, k -> new ArrayList<>()).add(r);
            if (r.path("peer").asBoolean()) {
                peers.computeIfAbsent(r.path("strategy").asText() + " × " + run, k -> new ArrayList<>()).add(r);
            }
        }
        Table t = new Table("client × requests", "runs", "efficiency (median, range)", "peer's efficiency", "first result ms",
                "target ms", "process CPU s (median, range)", "× peer's CPU");
        byClient.forEach((name, rs) -> {
            JsonNode first = rs.get(0);
            List<JsonNode> peer = peers.getOrDefault(first.path("strategy").asText() + " × " + first.path("requests").asInt() + " requests",
                    List.of());
            double cpu = Stats.median(values(rs, "process_cpu_s"));
            boolean streaming = first.path("strategy").asText().equals("streaming");
            double target = 1.2 * Stats.median(values(rs, "first_wave_fastest_service_ms")) + 5;
            t.row(name, rs.size(), Stats.medianRange(values(rs, "efficiency"), 3),
                    peer.isEmpty() ? "-" : Num.fixed(Stats.median(values(peer, "efficiency")), 3),
                    streaming ? Num.fixed(Stats.median(values(rs, "ttfr_ms")), 1) : "-", streaming ? Num.fixed(target, 1) : "-",
                    Stats.medianRange(values(rs, "process_cpu_s"), 2),
                    peer.isEmpty() ? "-" : Num.fixed(cpu / Stats.median(values(peer, "process_cpu_s")), 2));
        });
        page.line("From a cold start, as a user meets it: a fresh process per client per round (the Java families through"
                + " `./lab client`, then `java` with one JVM setting at a time), beside the seed's asyncio answers (aiohttp) in"
                + " the same rounds. Process CPU is user + system of the whole process, start-up included (`/usr/bin/time`);"
                + " the first result's target is 1.2 × the first wave's fastest service + 5 ms.").line("");
        page.text(t.render());
    }

    private static void questions(Page page, RawData data) {
        List<JsonNode> rows = data.claim("requests-questions.jsonl");
        if (rows.isEmpty()) {
            return;
        }
        page.line("### The seed's questions, one run each").line("");
        Table t = new Table("question", "server", "client", "ok", "failed", "429s", "retried", "wall ms", "bound ms", "efficiency");
        for (JsonNode r : rows) {
            t.row(r.path("question").asText(), "`" + r.path("server").asText() + "`", "`" + r.path("args").asText() + "`",
                    r.path("ok").asInt(), r.path("failed").asInt(), r.path("rejected").asInt(), r.path("retried").asInt(),
                    Num.sig(r.path("wall_ms").asDouble()), Num.sig(r.path("bound_ms").asDouble()), Num.fixed(r.path("efficiency").asDouble(), 3));
        }
        page.text(t.render());
        page.text(Source.of("requests-questions.jsonl", "./lab bench-questions --out results/raw/requests-questions.jsonl"));
    }

    static List<Double> values(List<JsonNode> rows, String field) {
        List<Double> v = new ArrayList<>();
        rows.forEach(r -> v.add(r.path(field).asDouble()));
        return v;
    }

    static Optional<Case> find(List<Case> cases, String name) {
        return cases.stream().filter(c -> c.name().equals(name)).findFirst();
    }
}
