package lab.gatling.report;

import java.util.List;
import java.util.Locale;
import lab.server.stats.Percentiles;
import lab.gatling.run.ClientFigures;
import lab.gatling.run.Fairness;
import lab.gatling.run.Verdict;
import lab.gatling.run.WindowFigures;
import lab.report.plot.Ticks;

/**
 * The summary of every simulation run found in the raw files, each figure next to its bound or its
 * prediction: the closed model against Little's bound, the cost of retries against (1 - f^n)/(1 - f),
 * the shared limit's throughput, refusals and fairness, the knee of each ramp, and every claim.
 */
final class SummaryPage {

    private SummaryPage() {
    }

    static String closed(RawRun run) {
        StringBuilder md = new StringBuilder("## Closed model at the limit (" + run.server().latency() + ")\n\n");
        md.append("| users | limit | completed rps | mean L ms | Little's bound rps | efficiency | 429 | max in flight | client p50 ms | client p99 ms |\n");
        md.append("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (WindowFigures w : run.windows()) {
            int users = Integer.parseInt(run.param("users"));
            double bound = w.littleBoundRps() * Math.min(users, w.server().limit()) / w.server().limit();
            Percentiles client = w.clients().values().iterator().next().okLatency();
            md.append(String.format(Locale.ROOT, "| %d | %d | %.1f | %.2f | %.1f | %.3f | %d | %d | %.1f | %.1f |%n",
                    users, w.server().limit(), w.completedRps(), w.meanServiceMs(), bound, w.completedRps() / bound,
                    w.server().rejected(), w.server().maxInFlight(), client.p50(), client.p99()));
        }
        md.append("\nEfficiency = completed rps / (min(users, limit) / mean(L)); target at least 0.95.\n\n");
        return md.toString();
    }

    static String faults(RawRun run) {
        double f = run.server().faultRate();
        StringBuilder md = new StringBuilder(String.format(Locale.ROOT,
                "## Faults and retries (%s, fault rate %s)%n%n", run.server().latency(), Ticks.label(f)));
        md.append("| client | requests/s | server accepted rps | attempts per request | predicted | success | predicted | p50 ms | p99 ms | max ms |\n");
        md.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (WindowFigures w : run.windows()) {
            ClientFigures c = w.clients().get(w.label());
            int tries = w.label().startsWith("tryMax ") ? Integer.parseInt(w.label().substring(7)) : 1;
            double seconds = w.windowMs() / 1000.0;
            Percentiles l = c.okLatency();
            md.append(String.format(Locale.ROOT, "| %s | %.1f | %.1f | %.3f | %.3f | %.4f | %.4f | %.1f | %.1f | %.1f |%n",
                    w.label(), c.outcomes() / seconds, w.acceptedRps(), (double) w.acceptedArrivals() / Math.max(1, c.outcomes()),
                    (1 - Math.pow(f, tries)) / (1 - f), (double) c.ok() / Math.max(1, c.outcomes()), 1 - Math.pow(f, tries),
                    l.p50(), l.p99(), l.max()));
        }
        md.append("\nAttempts per request = the server's accepted count / the client's requests; predicted "
                + "(1 - f^n) / (1 - f). Success predicted 1 - f^n. Latency is per request, all its attempts included "
                + "(successful requests only).\n\n");
        return md.toString();
    }

    static String shared(RawRun run) {
        StringBuilder md = new StringBuilder("## One limit, many bounded clients (" + run.server().latency() + ")\n\n");
        md.append("| clients x bound | offered rps | completed rps | Little's bound rps | efficiency | 429 | fairness (Jain) | least / most served client |\n");
        md.append("|---|---:|---:|---:|---:|---:|---:|---:|\n");
        for (WindowFigures w : run.windows()) {
            List<ClientFigures> each = List.copyOf(w.clients().values());
            long least = each.stream().mapToLong(ClientFigures::ok).min().orElse(0);
            long most = each.stream().mapToLong(ClientFigures::ok).max().orElse(0);
            md.append(String.format(Locale.ROOT, "| %s | %.1f | %.1f | %.1f | %.3f | %.2f%% | %.3f | %.3f |%n",
                    w.label(), w.offeredRps(), w.completedRps(), w.littleBoundRps(), w.completedRps() / w.littleBoundRps(),
                    100 * w.rejectedFraction(), Fairness.jain(each), most == 0 ? 0 : (double) least / most));
        }
        md.append("\nFairness is Jain's index over the clients' completed requests: 1 when all are served alike, "
                + "1/n when one takes everything.\n\n");
        return md.toString();
    }

    static String claims(List<RawRun> runs) {
        StringBuilder md = new StringBuilder("## Claims checked by the simulations (Gatling assertions)\n\n");
        md.append("| run | claim | result | figures |\n|---|---|---|---|\n");
        for (RawRun run : runs) {
            for (Verdict.Claim c : run.claims()) {
                md.append("| ").append(run.file().replace(".jsonl", "")).append(" | ").append(c.name()).append(" | ")
                        .append(c.holds() ? "pass" : "**FAIL**").append(" | ").append(c.detail().replace("|", "/")).append(" |\n");
            }
        }
        return md.append('\n').toString();
    }
}
