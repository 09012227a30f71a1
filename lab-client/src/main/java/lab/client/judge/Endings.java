package lab.client.judge;

import java.util.Locale;

/** How a run ended, in words: the message of each scenario's "ran to completion" rule. */
public final class Endings {

    private Endings() {
    }

    public static String describe(Transcript t) {
        Ending e = t.ending();
        return switch (e.kind()) {
            case EXITED -> e.exitCode() == 0
                    ? String.format(Locale.ROOT, "exited 0 after %.0f ms", t.runMs())
                    : String.format(Locale.ROOT, "crashed: exited with code %d after %.0f ms%s", e.exitCode(), t.runMs(), said(t));
            case OVERRAN -> "outlived its time limit of " + lab.server.behavior.Durations.format(t.timeLimit())
                    + " (the server had " + t.inFlightAtEnd() + " requests in flight): killed with its whole process tree ("
                    + processes(e.killed()) + ")" + said(t);
            case BAD_LINE -> "printed a line it should not, '" + abbreviate(e.badLine()) + "' (" + e.why()
                    + "): killed with its whole process tree (" + processes(e.killed()) + ")";
            case KILLED -> String.format(Locale.ROOT, "killed by the judge after %.0f ms, %s: SIGKILL of its whole process tree (%s)",
                    t.runMs(), e.why(), processes(e.killed()));
        };
    }

    private static String said(Transcript t) {
        String tail = t.stderrTail(2);
        return tail.isEmpty() ? "" : "; its stderr ends: " + abbreviate(tail);
    }

    private static String processes(int n) {
        return n == 1 ? "1 process" : n + " processes";
    }

    public static String abbreviate(String s) {
        return s.length() <= 160 ? s : s.substring(0, 157) + "...";
    }
}
