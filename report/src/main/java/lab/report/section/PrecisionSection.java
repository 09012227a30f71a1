package lab.report.section;

import java.util.List;
import java.util.Map;
import lab.report.Page;
import lab.report.md.Num;
import lab.report.md.Table;
import lab.report.raw.JmhResult;
import lab.report.raw.RawData;

/**
 * Where JMH's 99.9% interval is wider than a tenth of the score: those rows say "somewhere in this
 * range", not a figure to compare to two digits. On two shared cores the contended benchmarks are
 * the usual suspects; the full profile (three forks, longer iterations) narrows them.
 */
public final class PrecisionSection {

    public static final double WIDE = 0.10;

    private PrecisionSection() {
    }

    public static void render(Page page, RawData data) {
        Map<String, List<JmhResult>> all = data.allJmh();
        if (all.isEmpty()) {
            return;
        }
        Table t = new Table("class", "benchmark", "score", "error", "share");
        int total = 0;
        for (var e : all.entrySet()) {
            for (JmhResult r : e.getValue()) {
                total++;
                if (!(r.relativeError() <= WIDE)) {
                    t.row(e.getKey(), r.label(), Num.sig(r.score()) + " " + r.unit(),
                            Double.isNaN(r.error()) ? "no interval" : Num.sig(r.error()), Double.isNaN(r.error()) ? "n/a" : Num.pct(r.relativeError()));
                }
            }
        }
        page.line("## Precision: where JMH's error passed 10%").line("");
        if (t.isEmpty()) {
            page.paragraph("None of the " + total + " JMH rows has an interval wider than 10% of its score.");
            return;
        }
        page.paragraph("Of " + total + " JMH rows, these have a 99.9% interval wider than 10% of the score. Read them as ranges; "
                + "`mvn -pl jmh exec:java -Pfull` (three forks, longer iterations) on a quiet machine narrows them.");
        page.text(t.render());
    }
}
