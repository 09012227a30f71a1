package lab.report.section;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import lab.report.Page;
import lab.report.md.Num;
import lab.report.md.Table;
import lab.report.model.ErlangB;
import lab.report.model.Knee;
import lab.report.plot.SvgPlot;
import lab.report.raw.GatlingWindow;
import lab.report.raw.RawData;
import lab.report.raw.StatsFields;

/**
 * The load tests: every Gatling simulation's windows, and for the open-model ramps the measured 429
 * rate next to Erlang B's prediction for random arrivals and the same mean service time.
 */
public final class LoadSection {

    /** 429s above this fraction of arrivals mark the knee (as the Gatling report has it). */
    public static final double KNEE = 0.01;

    private LoadSection() {
    }

    /** One simulation run read back: its run line and windows. */
    public record Run(String file, JsonNode run, List<GatlingWindow> windows) {

        public String simulation() {
            return run.path("simulation").asText();
        }

        public int limit() {
            return StatsFields.required(run.get("server"), "limit", file + ": run.server").asInt();
        }

        public String latency() {
            return StatsFields.required(run.get("server"), "latency", file + ": run.server").asText();
        }

        /** Mean service time over all windows, weighted by arrivals accepted. */
        public double meanServiceMs() {
            long n = 0;
            long sum = 0;
            for (GatlingWindow w : windows) {
                n += w.acceptedArrivals();
                sum += w.serviceMsSum();
            }
            return n == 0 ? 0 : (double) sum / n;
        }

        public OptionalDouble knee() {
            List<Knee.Point> pts = new ArrayList<>();
            windows.forEach(w -> pts.add(new Knee.Point(w.offeredRps(), w.rejectedFraction())));
            return Knee.find(pts, KNEE);
        }
    }

    public static List<Run> runs(RawData data) {
        List<Run> runs = new ArrayList<>();
        for (String name : data.names("gatling/")) {
            JsonNode run = null;
            List<GatlingWindow> windows = new ArrayList<>();
            for (JsonNode line : data.claim(name)) {
                switch (line.path("kind").asText()) {
                    case "run" -> run = line;
                    case "window" -> windows.add(window(name, line, windows.size() + 1));
                    default -> { } // claims are the Gatling summary's subject
                }
            }
            if (run != null) {
                runs.add(new Run(name, run, windows));
            }
        }
        return runs;
    }

    private static GatlingWindow window(String file, JsonNode line, int n) {
        try {
            return GatlingWindow.of(line);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ", window " + n + ": " + e.getMessage(), e);
        }
    }

    public static void render(Page page, RawData data) {
        List<Run> runs = runs(data);
        if (runs.isEmpty()) {
            return;
        }
        page.line("## Load tests (Gatling)").line("");
        page.paragraph("Each window's figures are lab-server's own `/stats` over the window. The full per-simulation pages "
                + "are [results/gatling/summary.md](gatling/summary.md) and [results/gatling/knee.md](gatling/knee.md); "
                + "an HTML report of Gatling's own is in `results/gatling/open-ramp-report/`.");
        for (Run r : runs) {
            double mean = r.meanServiceMs();
            page.line("### " + r.simulation() + " (" + r.latency() + ", limit " + r.limit() + ")").line("");
            // Erlang B describes open arrivals only: a closed model's users wait for their answer before the next request.
            boolean open = r.simulation().equals("open-ramp");
            Table t = open
                    ? new Table("window", "offered rps", "accepted rps", "429 share", "Erlang B for random arrivals", "p50 ms", "p99 ms")
                    : new Table("window", "offered rps", "accepted rps", "429 share", "p50 ms", "p99 ms");
            for (GatlingWindow w : r.windows()) {
                double erlangs = w.offeredRps() * mean / 1000;
                if (open) {
                    t.row(w.label(), Num.sig(w.offeredRps()), Num.sig(w.acceptedRps()), Num.pct(w.rejectedFraction()),
                            erlangs > 0 ? Num.pct(ErlangB.blocking(r.limit(), erlangs)) : "n/a", Num.sig(w.p50()), Num.sig(w.p99()));
                } else {
                    t.row(w.label(), Num.sig(w.offeredRps()), Num.sig(w.acceptedRps()), Num.pct(w.rejectedFraction()),
                            Num.sig(w.p50()), Num.sig(w.p99()));
                }
            }
            page.text(t.render());
            if (r.simulation().equals("open-ramp")) {
                OptionalDouble knee = r.knee();
                page.paragraph("Mean service " + Num.sig(mean) + " ms: Little's bound " + Num.sig(r.limit() * 1000 / mean)
                        + " rps; Erlang B puts 1% of 429s at " + Num.sig(ErlangB.loadAt(r.limit(), KNEE) * 1000 / mean)
                        + " rps for random arrivals; measured knee (1%): " + (knee.isPresent() ? Num.sig(knee.getAsDouble()) + " rps" : "not within the ramp") + ".");
                page.plot("erlang-" + r.file().replace("gatling/", "").replace(".jsonl", "") + ".svg",
                        "429 share against offered load, measured and Erlang B", erlangPlot(r, mean));
            }
            page.text(Source.of(r.file(), "./lab gatling"));
        }
    }

    private static String erlangPlot(Run r, double meanMs) {
        List<GatlingWindow> ws = r.windows();
        double[] xs = ws.stream().mapToDouble(GatlingWindow::offeredRps).toArray();
        double[] measured = ws.stream().mapToDouble(w -> 100 * w.rejectedFraction()).toArray();
        double xMax = java.util.Arrays.stream(xs).max().orElse(1);
        int n = 60;
        double[] mx = new double[n + 1];
        double[] my = new double[n + 1];
        for (int i = 0; i <= n; i++) {
            mx[i] = xMax * i / n;
            my[i] = 100 * ErlangB.blocking(r.limit(), mx[i] * meanMs / 1000);
        }
        return new SvgPlot("429s against offered load: " + r.latency() + ", limit " + r.limit(), "offered requests per second", xMax)
                .panel(new SvgPlot.Panel("share of arrivals refused (%)", "% refused", List.of(
                        new SvgPlot.Series("measured (server's /stats)", "#1f77b4", false, xs, measured),
                        new SvgPlot.Series("Erlang B, random arrivals", "#ff7f0e", true, mx, my))))
                .marker(r.limit() * 1000 / meanMs, "Little's bound").render();
    }
}
