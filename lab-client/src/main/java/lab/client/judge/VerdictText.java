package lab.client.judge;

import java.util.Locale;
import java.util.stream.Collectors;
import lab.client.cli.Table;

/** The verdict as a person reads it: the rules, passed or not and why, then each scenario's figures next to their bounds. */
public final class VerdictText {

    private VerdictText() {
    }

    public static String of(Verdict v) {
        StringBuilder s = new StringBuilder();
        s.append("judge ").append(v.task()).append(v.step() == null ? "" : " --step " + v.step()).append(": ")
                .append(v.passed() ? "PASSED" : "FAILED").append(", ")
                .append(v.rules().size() - v.failedRules()).append(" of ").append(v.rules().size()).append(" rules held")
                .append("  (").append(String.join(" ", v.program())).append(")\n\n");
        int width = v.rules().stream().mapToInt(r -> r.rule().length()).max().orElse(0);
        for (RuleResult r : v.rules()) {
            s.append(r.passed() ? "  pass  " : "  FAIL  ").append(r.rule()).append(" ".repeat(width - r.rule().length()))
                    .append("  ").append(r.message()).append('\n');
        }
        Table figures = new Table("scenario", "ids", "limit", "wall ms", "bound ms", "efficiency", "first line ms",
                "startup ms", "accepted", "rejected (429)", "max in flight");
        for (Figures f : v.figures().scenarios()) {
            figures.row(f.scenario(), f.ids(), f.limit(), ms(f.wallMs()), ms(f.boundMs()), f.efficiency() < 0 ? "-"
                    : String.format(Locale.ROOT, "%.2f", f.efficiency()), ms(f.firstLineMs()), ms(f.startupMs()),
                    f.accepted(), f.rejected(), f.maxInFlight() + " of " + f.limit());
        }
        s.append('\n').append(figures);
        s.append("  wall: from the first request the server saw to the program's last line; bound: max(sum of latencies /"
                + " limit, slowest), from the server's figures; startup: from the program's start to its first request\n");
        return s.toString();
    }

    /** What {@code --show} prints after each scenario: the environment, every line with its time, the ending, stderr. */
    static String shown(Observation o) {
        Scenario sc = o.scenario();
        Transcript t = o.transcript();
        StringBuilder s = new StringBuilder();
        s.append("--- scenario ").append(sc.name()).append(": ").append(sc.what()).append('\n');
        s.append("    env: LAB_URL=(its own server) ").append(sc.environment().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey())
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(" "))).append('\n');
        s.append("    ms since start  ms since 1st request  in flight  line\n");
        if (o.firstRequestNanos() >= 0) {
            s.append(String.format(Locale.ROOT, "    %14.1f  %20s  %9s  (the first request reached the server)%n",
                    t.sinceStartMs(o.firstRequestNanos()), "0.0", ""));
        }
        for (Line l : o.lines()) {
            s.append(String.format(Locale.ROOT, "    %14.1f  %20.1f  %9d  %s%n", t.sinceStartMs(l.atNanos()),
                    o.sinceFirstRequestMs(l.atNanos()), l.inFlight(), l.text()));
        }
        s.append("    ended: ").append(Endings.describe(t)).append('\n');
        String err = t.stderr().strip();
        s.append(err.isEmpty() ? "    stderr: (empty)\n" : "    stderr:\n" + err.lines().map(l -> "      " + l + "\n").collect(Collectors.joining()));
        return s.toString();
    }

    private static String ms(double ms) {
        return ms < 0 ? "-" : String.format(Locale.ROOT, "%.1f", ms);
    }
}
