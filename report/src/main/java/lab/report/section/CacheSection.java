package lab.report.section;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import lab.report.Page;
import lab.report.md.Num;
import lab.report.md.Table;
import lab.report.raw.JmhResult;
import lab.report.raw.RawData;

/** The cache stampede: upstream calls against the K a cache should make, and what a warm read costs under contention. */
public final class CacheSection {

    private CacheSection() {
    }

    public static void render(Page page, RawData data) {
        page.line("## Cache stampede").line("");
        List<JsonNode> rows = data.claim("cache.jsonl");
        if (!rows.isEmpty()) {
            Map<String, List<JsonNode>> by = new LinkedHashMap<>();
            rows.forEach(r -> by.computeIfAbsent(r.path("strategy").asText() + " (" + r.path("callers").asInt() + " callers, "
                    + r.path("keys").asInt() + " keys)", k -> new ArrayList<>()).add(r));
            Table t = new Table("strategy", "runs", "upstream calls (server's count)", "expected = keys", "wall ms", "bound ms",
                    "efficiency", "p99 ms");
            by.forEach((name, rs) -> t.row(name, rs.size(), Stats.medianRange(RequestsSection.values(rs, "upstream_calls"), 0),
                    rs.get(0).path("expected_calls").asInt(), Stats.medianRange(RequestsSection.values(rs, "wall_ms"), 0),
                    Num.sig(rs.get(0).path("bound_ms").asDouble()), Stats.medianRange(RequestsSection.values(rs, "efficiency"), 3),
                    Stats.medianRange(rs.stream().map(r -> r.path("latency_ms").path("p99").asDouble()).toList(), 0)));
            page.text(t.render());
            page.text(Source.of("cache.jsonl", "./lab bench-cache --out results/raw/cache.jsonl"));
        }
        List<JmhResult> reads = data.jmh("CacheReadBenchmark");
        if (!reads.isEmpty()) {
            page.paragraph("A warm read under contention (4 threads on the machine's cores; the loader answers at once): "
                    + "the price of each strategy's protection, paid on every hit.");
            Table t = new Table("strategy", "keys", "reads/µs (99.9% CI)", "bytes allocated per read");
            for (JmhResult r : reads) {
                t.row(r.param("cache").toLowerCase(java.util.Locale.ROOT).replace('_', '-'), r.param("keys"),
                        Num.withError(r.score(), r.error()), r.bytesPerOp().isPresent() ? Num.sig(r.bytesPerOp().getAsDouble()) : "n/a");
            }
            page.text(t.render());
            page.text(Source.of("jmh/CacheReadBenchmark.json", "mvn -pl jmh exec:java"));
        }
    }
}
