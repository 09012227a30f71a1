package lab.client.tour;

import java.io.PrintWriter;
import java.util.Locale;
import lab.client.cli.Table;
import lab.client.requests.RequestRun;
import lab.client.requests.RequestsReport;
import lab.client.requests.Strategies;

/** The first task: every strategy, the same ids, one table. */
final class RequestsSection implements TourSection {

    private static final int REQUESTS = 300;

    @Override
    public String title() {
        return "requests: " + REQUESTS + " calls to an API that serves 10 at a time";
    }

    @Override
    public void run(TourContext context, PrintWriter out) throws InterruptedException {
        Table table = new Table("strategy", "impl", "ok", "429s", "retried", "wall ms", "bound ms", "efficiency",
                "first ms", "first bound", "p99 ms", "max in flight");
        RequestRun runner = new RequestRun(context.api());
        for (String name : Strategies.NAMES) {
            int n = name.equals("sequential") ? REQUESTS / 10 : REQUESTS;
            int concurrency = name.equals("adaptive") ? 100 : 10;
            add(table, runner.run(new RequestRun.Plan(name, Strategies.defaultFamily(), n, concurrency, null, null, 3),
                    line -> { }, false));
        }
        for (Strategies.Family family : Strategies.Family.values()) {
            if (family == Strategies.defaultFamily()) {
                continue;
            }
            add(table, runner.run(new RequestRun.Plan("streaming", family, REQUESTS, 10, null, null, 3), line -> { }, false));
        }
        out.print(table);
        out.println("  bound = max(sum of service / limit, slowest service), from the server's own figures;"
                + " first bound = fastest service of the first wave; sequential ran " + REQUESTS / 10 + " calls.");
        out.println("  unbounded fires everything at once and loses most to 429; adaptive is not told the limit.");
    }

    private static void add(Table table, RequestsReport r) {
        table.row(r.strategy(), r.impl(), r.ok() + "/" + r.requests(), r.rejected(), r.retried(), f0(r.wallMs()),
                f0(r.boundMs()), String.format(Locale.ROOT, "%.3f", r.efficiency()), f0(r.ttfrMs()),
                (long) r.firstWaveFastestServiceMs(), String.format(Locale.ROOT, "%.1f", r.latencyMs().p99()),
                r.serverMaxInFlight() + "/" + r.limit());
    }

    private static String f0(double v) {
        return String.format(Locale.ROOT, "%.0f", v);
    }
}
