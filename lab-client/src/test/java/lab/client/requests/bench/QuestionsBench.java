package lab.client.requests.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import lab.client.api.LabApi;
import lab.client.bench.BenchFlags;
import lab.client.bench.JsonLines;
import lab.client.cli.Table;
import lab.client.requests.RequestRun;
import lab.client.requests.RequestsReport;
import lab.client.requests.Strategies;
import lab.client.requests.Strategies.Family;
import lab.server.LabServer;
import lab.server.bench.ChildServer;
import lab.server.bench.Flags;

/**
 * The runs behind {@code docs/requests.md}'s answers: one run of {@code lab-client requests} per
 * question of the seed, each on the lab-server the question needs (a child JVM, so this JVM's CPU
 * is the client's alone). With {@code --out}, the file is written afresh with one JSON line per
 * question: the question, the server's flags, the client's flags as {@code lab-client requests}
 * takes them, then the fields {@code requests --json} prints.
 *
 * <pre>./lab bench-questions [--requests 1000] [--out FILE]</pre>
 */
public final class QuestionsBench {

    static final String PROGRAM = "bench-questions";
    /** The requests command's defaults where a question does not set its own. */
    private static final Family FAMILY = Family.valueOf(Strategies.DEFAULT_IMPL.toUpperCase(Locale.ROOT));
    private static final int CONCURRENCY = 10;
    private static final int RETRIES = 3;

    /** One question and the client run that answers it; null fields are the command's defaults. */
    record Question(String text, String strategy, Integer concurrency, Duration timeout, Duration deadline) {

        RequestRun.Plan plan(int requests) {
            return new RequestRun.Plan(strategy, FAMILY, requests, concurrency != null ? concurrency : CONCURRENCY, timeout,
                    deadline, RETRIES);
        }

        /** The same run as {@code lab-client requests} flags, which is how the report shows it. */
        String args(int requests) {
            StringBuilder s = new StringBuilder("--strategy ").append(strategy).append(" --requests ").append(requests);
            if (concurrency != null) {
                s.append(" --concurrency ").append(concurrency);
            }
            if (timeout != null) {
                s.append(" --timeout ").append(written(timeout));
            }
            if (deadline != null) {
                s.append(" --deadline ").append(written(deadline));
            }
            return s.toString();
        }
    }

    /** A server and the questions asked of it. */
    record Server(List<String> flags, List<Question> questions) {
    }

    static final List<Server> SERVERS = List.of(
            new Server(List.of("--limit", "1000", "--fault-rate", "0.1", "--latency", "uniform:20ms..80ms"), List.of(
                    new Question("gather: what happens to the others when one fails", "unbounded", null, null, null),
                    new Question("retry only the failed ones", "retrying", 1000, null, null))),
            new Server(List.of("--limit", "10", "--latency", "lognormal:median=50ms,p99=400ms"), List.of(
                    new Question("timeouts: a per-request timeout at about the p95", "deadline", null, Duration.ofMillis(150), null),
                    new Question("timeouts: the same with retries of what timed out", "retrying", null, Duration.ofMillis(150), null),
                    new Question("timeouts: a deadline for the whole run", "deadline", null, null, Duration.ofSeconds(2)),
                    new Question("as_completed next to gather: bounded", "bounded", null, null, null),
                    new Question("as_completed next to gather: streaming", "streaming", null, null, null))));

    record Settings(int requests, Path out) {
    }

    public static void main(String[] args) throws Exception {
        Settings s = Flags.readOrExit(args, QuestionsBench::settings);
        JsonLines lines = JsonLines.replacing(s.out());
        Table t = new Table("question", "ok", "failed", "429s", "retried", "wall ms", "bound ms", "efficiency", "first result ms");
        boolean warm = false;
        for (Server server : SERVERS) {
            List<String> flags = new ArrayList<>(List.of("--port", "0"));
            flags.addAll(server.flags());
            try (ChildServer child = ChildServer.start(false, List.of(), LabServer.class, flags.toArray(String[]::new))) {
                RequestRun runner = new RequestRun(LabApi.connect("http://127.0.0.1:" + child.port));
                if (!warm) {
                    warmUp(runner, Math.min(200, s.requests()));
                    warm = true;
                }
                for (Question q : server.questions()) {
                    RequestsReport r = runner.run(q.plan(s.requests()), line -> { }, false);
                    System.err.printf(Locale.ROOT, "%-52s ok %d, failed %d, 429s %d, wall %.0f ms (bound %.0f)%n", q.text(), r.ok(),
                            r.failed(), r.rejected(), r.wallMs(), r.boundMs());
                    lines.write(line(q, String.join(" ", server.flags()), q.args(s.requests()), r));
                    t.row(q.text(), r.ok(), r.failed(), r.rejected(), r.retried(), f(r.wallMs(), 0), f(r.boundMs(), 0),
                            f(r.efficiency(), 3), f(r.ttfrMs(), 1));
                }
            }
        }
        System.out.printf(Locale.ROOT, "the seed's questions, one run each of %d requests, JDK %s, %d cores%n", s.requests(),
                Runtime.version(), Runtime.getRuntime().availableProcessors());
        System.out.print(t);
        System.out.println("bound = max(sum of service / limit, slowest service) from the server's stats; efficiency = bound / wall.");
        if (lines.path() != null) {
            System.out.println("wrote " + SERVERS.stream().mapToInt(v -> v.questions().size()).sum() + " lines to " + lines.path());
        }
    }

    static Settings settings(String[] args) {
        BenchFlags.requireKnown(PROGRAM, args, "--requests", "--out");
        String out = Flags.string(args, "--out", null);
        return new Settings(BenchFlags.count(PROGRAM, args, "--requests", 1000, 1, 100_000), out == null ? null : Path.of(out));
    }

    /** A short untimed run first, so that the first question does not pay for the JIT and the others do not. */
    private static void warmUp(RequestRun runner, int requests) throws InterruptedException {
        runner.run(new RequestRun.Plan("bounded", FAMILY, requests, CONCURRENCY, null, null, RETRIES), line -> { }, false);
    }

    private static Map<String, Object> line(Question q, String server, String args, RequestsReport r) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("question", q.text());
        line.put("server", server);
        line.put("args", args);
        line.putAll(JsonLines.fields(r));
        return line;
    }

    /** A duration as the lab writes it: {@code 2s}, {@code 150ms}. */
    private static String written(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + "s" : d.toMillis() + "ms";
    }

    private static String f(double v, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", v);
    }
}
