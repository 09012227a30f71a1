package lab.gatling.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import lab.server.stats.Percentiles;
import lab.gatling.run.ClientFigures;
import lab.gatling.run.WindowFigures;
import lab.report.model.ErlangB;
import lab.report.model.Knee;
import lab.report.plot.SvgPlot;

/**
 * The knee of one open-model ramp: per step, offered against accepted rate, 429 rate (measured, and
 * Erlang's prediction for random arrivals) and p99; the offered rate where 429s pass 1%, next to
 * Little's bound for the latency profile. Written as markdown and as an SVG plot.
 */
public final class KneeReport {

    /** 429s above this fraction of arrivals mark the knee. */
    public static final double THRESHOLD = 0.01;

    private final RawRun run;
    private final int limit;
    private final double meanServiceMs;
    private final double boundRps;
    private final double meanHoldMs;
    private final OptionalDouble knee;
    private final double erlangKneeRps;

    public KneeReport(RawRun run) {
        this.run = run;
        List<WindowFigures> windows = run.windows();
        this.limit = run.server().limit();
        long served = 0;
        long serviceSum = 0;
        double holdSum = 0;
        long holdCount = 0;
        List<Knee.Point> points = new ArrayList<>();
        for (WindowFigures w : windows) {
            served += w.acceptedArrivals();
            serviceSum += w.server().serviceMsSum();
            Percentiles l = w.server().latencyMs();
            holdSum += l.mean() * l.count();
            holdCount += l.count();
            points.add(new Knee.Point(w.offeredRps(), w.rejectedFraction()));
        }
        this.meanServiceMs = served == 0 ? 0 : (double) serviceSum / served;
        this.boundRps = meanServiceMs == 0 ? 0 : limit * 1000.0 / meanServiceMs;
        this.meanHoldMs = holdCount == 0 ? 0 : holdSum / holdCount;
        this.knee = Knee.find(points, THRESHOLD);
        this.erlangKneeRps = meanServiceMs == 0 ? 0 : ErlangB.loadAt(limit, THRESHOLD) * 1000.0 / meanServiceMs;
    }

    public OptionalDouble knee() {
        return knee;
    }

    public double boundRps() {
        return boundRps;
    }

    /** "fixed:100ms, regular arrivals". */
    public String profile() {
        return run.server().latency() + ", " + run.param("arrivals") + " arrivals";
    }

    /** The plot's file name, from the run's variant: {@code knee-fixed-100ms-regular.svg}. */
    public String plotName() {
        return "knee-" + run.variant().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "") + ".svg";
    }

    public String markdown(String plotPath) {
        StringBuilder md = new StringBuilder();
        md.append("## ").append(profile()).append("\n\n");
        md.append(String.format(Locale.ROOT, "Limit %d; mean drawn service time of the accepted requests %.2f ms, so "
                + "Little's bound is %d / %.2f ms = **%.1f rps**. (Measured hold time, acceptance to response: "
                + "%.2f ms on average, %.1f rps.)%n%n", limit, meanServiceMs, limit, meanServiceMs, boundRps,
                meanHoldMs, meanHoldMs == 0 ? 0 : limit * 1000.0 / meanHoldMs));
        if (knee.isPresent()) {
            md.append(String.format(Locale.ROOT, "Knee: 429s pass 1%% at **%.1f rps** offered, **%.3f of Little's bound** "
                    + "(%+.1f%%). Erlang's loss formula puts it at %.1f rps (%.3f of the bound) for random arrivals.%n%n",
                    knee.getAsDouble(), knee.getAsDouble() / boundRps, 100 * (knee.getAsDouble() / boundRps - 1),
                    erlangKneeRps, erlangKneeRps / boundRps));
        } else {
            md.append("Knee: not inside the ramp (429s never crossed 1% between two steps).\n\n");
        }
        md.append("| step | offered rps | accepted rps | accepted / bound | 429 | Erlang B 429 | p99 server ms | p99 client ms |\n");
        md.append("|---|---:|---:|---:|---:|---:|---:|---:|\n");
        for (WindowFigures w : run.windows()) {
            double erlangs = w.offeredRps() * meanServiceMs / 1000.0;
            md.append(String.format(Locale.ROOT, "| %s | %.1f | %.1f | %.3f | %.2f%% | %.2f%% | %.1f | %.1f |%n",
                    w.label(), w.offeredRps(), w.acceptedRps(), w.acceptedRps() / boundRps, 100 * w.rejectedFraction(),
                    100 * ErlangB.blocking(limit, erlangs), w.server().latencyMs().p99(), clientP99(w)));
        }
        md.append("\n![knee: ").append(profile()).append("](").append(plotPath).append(")\n\n");
        return md.toString();
    }

    private static double clientP99(WindowFigures w) {
        return w.clients().values().stream().map(ClientFigures::okLatency).mapToDouble(Percentiles::p99).max().orElse(0);
    }

    public String svg() {
        List<WindowFigures> ws = run.windows();
        int n = ws.size();
        double[] offered = new double[n];
        double[] accepted = new double[n];
        double[] refused = new double[n];
        double[] erlang = new double[n];
        double[] p99 = new double[n];
        double[] clientP99 = new double[n];
        for (int i = 0; i < n; i++) {
            WindowFigures w = ws.get(i);
            offered[i] = w.offeredRps();
            accepted[i] = w.acceptedRps();
            refused[i] = 100 * w.rejectedFraction();
            erlang[i] = 100 * ErlangB.blocking(limit, w.offeredRps() * meanServiceMs / 1000.0);
            p99[i] = w.server().latencyMs().p99();
            clientP99[i] = clientP99(w);
        }
        double xMax = n == 0 ? 1 : offered[n - 1];
        SvgPlot plot = new SvgPlot("lab-server, limit " + limit + ": " + profile(), "offered rps (server's count)", xMax);
        plot.panel(new SvgPlot.Panel("accepted rate", "rps", List.of(
                new SvgPlot.Series("accepted", "#1f77b4", false, offered, accepted),
                new SvgPlot.Series("accepted = offered", "#999999", true, new double[] {0, xMax}, new double[] {0, xMax}),
                new SvgPlot.Series(String.format(Locale.ROOT, "Little's bound %.1f", boundRps), "#d62728", true,
                        new double[] {0, xMax}, new double[] {boundRps, boundRps}))));
        plot.panel(new SvgPlot.Panel("refused (429)", "% of arrivals", List.of(
                new SvgPlot.Series("429 rate", "#d62728", false, offered, refused),
                new SvgPlot.Series("Erlang B (random)", "#999999", true, offered, erlang),
                new SvgPlot.Series("1%", "#2ca02c", true, new double[] {0, xMax}, new double[] {1, 1}))));
        plot.panel(new SvgPlot.Panel("p99 latency of accepted requests", "ms", List.of(
                new SvgPlot.Series("server p99", "#9467bd", false, offered, p99),
                new SvgPlot.Series("client p99 (200s)", "#8c564b", true, offered, clientP99))));
        knee.ifPresent(k -> plot.marker(k, String.format(Locale.ROOT, "knee %.1f rps", k)));
        return plot.render();
    }
}
