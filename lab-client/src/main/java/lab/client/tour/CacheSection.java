package lab.client.tour;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import lab.client.cache.StampedeResult;
import lab.client.cache.StampedeRun;
import lab.client.cache.StrategyName;
import lab.client.cli.Progress;
import lab.client.cli.Table;

/** The third task: 100 callers, 5 keys, an empty cache; the server counts the upstream calls. */
final class CacheSection implements TourSection {

    private static final int CALLERS = 100;
    private static final int KEYS = 5;

    @Override
    public String title() {
        return "cache stampede: " + CALLERS + " concurrent callers, " + KEYS + " keys, an empty cache";
    }

    @Override
    public void run(TourContext context, PrintWriter out) throws InterruptedException {
        Table table = new Table("strategy", "upstream calls", "one per key", "wall ms", "bound ms", "keys in series ms",
                "efficiency", "p99 wait ms");
        for (StrategyName strategy : StrategyName.values()) {
            StampedeResult r = StampedeRun.measure(context.api(), strategy, CALLERS, KEYS, Duration.ZERO, Progress.silent());
            table.row(r.strategy(), r.upstreamCalls(), r.expectedCalls(), f(r.wallMs(), 0), f(r.boundMs(), 0),
                    f(r.serialMs(), 0), f(r.efficiency(), 2), f(r.latencyMs().p99(), 1));
        }
        out.print(table);
        out.println("  upstream calls are the server's accepted count; bound = every key loaded once, in parallel"
                + " (one latency when K fits the limit); the seed's global lock loads the keys in series.");
    }

    private static String f(double v, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", v);
    }
}
