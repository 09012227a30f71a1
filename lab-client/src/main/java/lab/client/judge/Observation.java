package lab.client.judge;

import java.util.List;
import lab.server.stats.ServerStats;

/**
 * A scenario's run as the judge saw it: the program's transcript, the server's figures once it was
 * over, and when the server saw the first request ({@code firstRequestNanos}, -1 if none came).
 * The rules are judged on this, and their results kept with it.
 */
public record Observation(Scenario scenario, Transcript transcript, ServerStats stats, long firstRequestNanos,
                          List<RuleResult> rules) {

    public Observation withRules(List<RuleResult> judged) {
        return new Observation(scenario, transcript, stats, firstRequestNanos, List.copyOf(judged));
    }

    public List<Line> lines() {
        return transcript.lines();
    }

    /** Milliseconds from the first request the server saw to {@code nanos}; -1 without a request. */
    public double sinceFirstRequestMs(long nanos) {
        return firstRequestNanos < 0 ? -1 : (nanos - firstRequestNanos) / 1e6;
    }

    /** First request to last line: the run's wall time as the server and the judge saw it. */
    public double wallMs() {
        List<Line> lines = lines();
        return lines.isEmpty() ? -1 : sinceFirstRequestMs(lines.get(lines.size() - 1).atNanos());
    }

    public double firstLineMs() {
        return lines().isEmpty() ? -1 : sinceFirstRequestMs(lines().get(0).atNanos());
    }

    public Figures figures() {
        double wall = wallMs();
        double bound = stats.boundMs();
        return new Figures(scenario.name(), scenario.ids(), stats.limit(), round(wall), round(bound),
                wall > 0 ? Math.round(1000 * bound / wall) / 1000.0 : -1, round(firstLineMs()),
                firstRequestNanos < 0 ? -1 : round(transcript.sinceStartMs(firstRequestNanos)), round(transcript.runMs()),
                lines().size(), stats.accepted(), stats.rejected(), stats.completed(), stats.failed(), stats.maxInFlight(),
                Endings.describe(transcript));
    }

    private static double round(double ms) {
        return ms < 0 ? -1 : Math.round(ms * 10) / 10.0;
    }
}
