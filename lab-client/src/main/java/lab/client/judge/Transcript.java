package lab.client.judge;

import java.time.Duration;
import java.util.List;

/**
 * What one run of a program left: its stdout lines as the judge read and timed them, its stderr
 * (the first {@link ProgramRun#STDERR_KEPT} characters), how it ended, and the server's requests in
 * flight at that moment (before any kill).
 */
public record Transcript(List<Line> lines, String stderr, Ending ending, long startNanos, long endNanos, Duration timeLimit,
                         int inFlightAtEnd) {

    /** Milliseconds from the program's start to {@code nanos}. */
    public double sinceStartMs(long nanos) {
        return (nanos - startNanos) / 1e6;
    }

    public double runMs() {
        return sinceStartMs(endNanos);
    }

    /** The last few lines of stderr, joined: what a crash says about itself. */
    public String stderrTail(int lines) {
        List<String> all = stderr.lines().filter(l -> !l.isBlank()).toList();
        return String.join(" | ", all.subList(Math.max(0, all.size() - lines), all.size())).strip();
    }
}
