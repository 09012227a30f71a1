package lab.report.section;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import lab.report.Page;
import lab.report.md.Num;
import lab.report.md.Table;
import lab.report.raw.JmhResult;
import lab.report.raw.RawData;

/** lab-server: how exactly it keeps its latencies, what its bookkeeping costs per request. */
public final class ServerSection {

    private ServerSection() {
    }

    public static void render(Page page, RawData data) {
        page.line("## The server (lab-server)").line("");
        List<JsonNode> rows = data.claim("lab-server-bench.jsonl");
        Table timer = new Table("server", "measured by", "delay ms", "connections", "samples", "p50 over ms", "p99 over ms",
                "bound on p99 over ms");
        Table overhead = new Table("tool", "hello-world Netty rps (median)", "lab-server rps (median)", "ratio", "bound on the ratio");
        for (JsonNode r : rows) {
            switch (r.path("experiment").asText()) {
                case "timer-accuracy" -> timer.row(r.path("server").asText(), r.path("measured_by").asText(),
                        HashSection.text(r, "delay_ms"), HashSection.text(r, "connections"), HashSection.text(r, "samples"),
                        HashSection.text(r, "p50_over_ms"), HashSection.text(r, "p99_over_ms"), HashSection.text(r, "bound_p99_over_ms"));
                case "server-overhead-summary" -> overhead.row(r.path("tool").asText(), HashSection.text(r, "hello_rps_median"),
                        HashSection.text(r, "lab_rps_median"), HashSection.text(r, "ratio"), "≥ " + HashSection.text(r, "bound_ratio"));
                default -> { } // per-round rows and the environment line: the summaries above carry them
            }
        }
        if (!timer.isEmpty()) {
            page.paragraph("How late a response leaves against its drawn service time (a timer that sleeps whole milliseconds "
                    + "would add up to one to every request):");
            page.text(timer.render());
        }
        if (!overhead.isEmpty()) {
            page.paragraph("What the limit, the draws and the figures cost: lab-server against a hello-world Netty server "
                    + "with the same pipeline, at zero latency (requests per second, higher is better):");
            page.text(overhead.render());
        }
        if (!rows.isEmpty()) {
            page.text(Source.of("lab-server-bench.jsonl", "./lab bench-server --out results/raw/lab-server-bench.jsonl"));
        }
        List<JmhResult> ledger = data.jmh("LedgerBenchmark");
        if (!ledger.isEmpty()) {
            page.paragraph("The bookkeeping alone (`Ledger`, one lock; two threads contending as two event loops would), "
                    + "in nanoseconds per operation against a request of tens of milliseconds:");
            Table t = new Table("path", "ops/µs, both threads (99.9% CI)", "ns per op per thread", "share of a 50 ms request");
            for (JmhResult r : ledger) {
                double nsPerOp = 1000.0 / r.score() * 2; // two threads share the score
                t.row(r.method(), Num.withError(r.score(), r.error()), Num.sig(nsPerOp), Num.sig(nsPerOp / 50e6));
            }
            page.text(t.render());
            page.text(Source.of("jmh/LedgerBenchmark.json", "mvn -pl jmh exec:java"));
        }
    }
}
