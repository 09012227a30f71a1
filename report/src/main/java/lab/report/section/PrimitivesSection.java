package lab.report.section;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import lab.report.Page;
import lab.report.md.Num;
import lab.report.md.Table;
import lab.report.raw.JmhResult;
import lab.report.raw.RawData;

/** The primitives: how often the reference and the naive version broke the invariant, and what the hand-written ones cost. */
public final class PrimitivesSection {

    private PrimitivesSection() {
    }

    public static void render(Page page, RawData data) {
        page.line("## Primitives").line("");
        List<JsonNode> rows = data.claim("primitives.jsonl");
        if (!rows.isEmpty()) {
            Table t = new Table("exercise", "asyncio", "Java", "invariant", "rounds", "reference broke it", "naive broke it");
            for (JsonNode r : rows) {
                t.row(r.path("exercise").asText(), r.path("asyncio_primitive").asText(), r.path("java_counterpart").asText(),
                        r.path("invariant").asText(), r.path("rounds").asInt(), r.path("reference_violations").asInt(),
                        r.path("naive_violations").asInt());
            }
            page.text(t.render());
            page.text(Source.of("primitives.jsonl", "./lab bench-primitives --out results/raw/primitives.jsonl"));
        }
        List<JmhResult> jmh = data.jmh("PrimitivesBenchmark");
        if (!jmh.isEmpty()) {
            page.paragraph("The lab's hand-written primitive against its java.util.concurrent counterpart, two threads contending:");
            Table t = new Table("operation", "implementation", "ops/µs, both threads (99.9% CI)");
            jmh.forEach(r -> t.row(r.method(), r.param("impl").equals("LAB") ? "the lab's" : "java.util.concurrent",
                    Num.withError(r.score(), r.error())));
            page.text(t.render());
            page.text(Source.of("jmh/PrimitivesBenchmark.json", "mvn -pl jmh exec:java"));
        }
    }
}
