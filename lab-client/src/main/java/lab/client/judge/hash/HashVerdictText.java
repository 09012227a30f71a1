package lab.client.judge.hash;

import java.util.Locale;
import java.util.stream.Collectors;
import lab.client.cli.Table;
import lab.client.judge.Endings;
import lab.client.judge.RuleResult;
import lab.client.judge.Transcript;

/** The verdict as a person reads it: the rules, passed or not and why, then the figures next to their bounds. */
final class HashVerdictText {

    private HashVerdictText() {
    }

    static String of(HashVerdict v) {
        StringBuilder s = new StringBuilder();
        s.append("judge hash: ").append(v.passed() ? "PASSED" : "FAILED").append(", ")
                .append(v.rules().size() - v.failedRules()).append(" of ").append(v.rules().size()).append(" rules held")
                .append("  (").append(String.join(" ", v.program())).append(")\n\n");
        int width = v.rules().stream().mapToInt(r -> r.rule().length()).max().orElse(0);
        for (RuleResult r : v.rules()) {
            s.append(r.passed() ? "  pass  " : "  FAIL  ").append(r.rule()).append(" ".repeat(width - r.rule().length()))
                    .append("  ").append(r.message()).append('\n');
        }
        HashFigures f = v.figures();
        Table t = new Table("figure", "value", "next to");
        t.row("table", f.users() + " users", "LAB_ITERATIONS=" + f.iterations() + ", LAB_WORKERS=" + f.workers() + " (" + f.cores() + " cores)");
        t.row("run: wall", ms(f.wallMs()), "from its start to its exit; first row saved at " + ms(f.firstSavedMs()));
        t.row("run: rate", hps(f.hashesPerS()), f.hashed() + " rows that verify, over the wall time");
        t.row("one thread", hps(f.singleThreadHps()), f.singleThreadOf() == null ? "-" : f.singleThreadOf());
        t.row("bound", hps(f.boundHps()), "min(" + f.workers() + " workers, " + f.cores() + " cores) x one thread");
        t.row("efficiency", f.efficiency() < 0 ? "-" : String.format(Locale.ROOT, "%.3f", f.efficiency()),
                String.format(Locale.ROOT, "rate / bound; \"uses the cores\" passes at %.2f", f.passesAt()));
        t.row("run: check", f.verifyMs() < 0 ? "-" : f.verifyMs() + " ms", "the judge's check of every row");
        if (f.crash() != null) {
            HashFigures.Crash c = f.crash();
            t.row("crash: kill", c.killedAfterMs() < 0 ? "none" : ms(c.killedAfterMs()),
                    c.savedAtKill() + " rows saved, " + c.lostAtKill() + " lost at that moment");
            t.row("crash: rerun", ms(c.rerunMs()), c.verifiedAfter() + " of " + f.users() + " rows verify after it; "
                    + c.rehashed() + " saved before the kill hashed again");
        }
        t.row("judge", f.judgeMs() + " ms", "the whole judge run: seeding, both scenarios, timing one thread, checking");
        return s.append('\n').append(t).toString();
    }

    /** What {@code --show} prints after each run: how it ended, and its stderr (its stdout must be empty). */
    static String shown(String what, Transcript t) {
        StringBuilder s = new StringBuilder("--- ").append(what).append(": ").append(Endings.describe(t)).append('\n');
        String err = t.stderr().strip();
        s.append(err.isEmpty() ? "    stderr: (empty)\n"
                : "    stderr:\n" + err.lines().map(l -> "      " + l + "\n").collect(Collectors.joining()));
        return s.toString();
    }

    private static String ms(double ms) {
        return ms < 0 ? "-" : String.format(Locale.ROOT, "%.0f ms", ms);
    }

    private static String hps(double hps) {
        return hps < 0 ? "-" : String.format(Locale.ROOT, "%.1f hashes/s", hps);
    }
}
