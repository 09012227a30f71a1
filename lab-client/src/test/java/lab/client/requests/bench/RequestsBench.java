package lab.client.requests.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import lab.client.api.LabApi;
import lab.client.cli.Json;
import lab.client.cli.Table;
import lab.client.requests.RequestRun;
import lab.client.requests.RequestsReport;
import lab.client.requests.Strategies.Family;
import lab.server.LabServer;
import lab.server.bench.ChildServer;
import lab.server.bench.Flags;

/**
 * The requests bench: every strategy and implementation family against one lab-server in a JVM of
 * its own (so this JVM's CPU time is the client's alone), in interleaved rounds so that drift on a
 * noisy machine hits every configuration alike. Prints the medians next to their bounds and, with
 * {@code --out}, appends every run as a JSON line.
 *
 * <pre>./lab bench-requests [--requests 1000] [--rounds 3] [--latency uniform:20ms..80ms] [--out FILE]</pre>
 */
public final class RequestsBench {

    /** What is compared: strategy, family, concurrency (a cap for adaptive), per-request timeout. */
    record Config(String strategy, Family family, int concurrency) {
        String label() {
            return strategy + "/" + family.word();
        }
    }

    static final List<Config> CONFIGS = List.of(
            new Config("bounded", Family.VIRTUAL, 10), new Config("bounded", Family.ASYNC, 10),
            new Config("bounded", Family.BULKHEAD, 10), new Config("streaming", Family.VIRTUAL, 10),
            new Config("streaming", Family.ASYNC, 10), new Config("streaming", Family.BULKHEAD, 10),
            new Config("retrying", Family.VIRTUAL, 10), new Config("unbounded", Family.VIRTUAL, 10),
            new Config("adaptive", Family.VIRTUAL, 100));

    public static void main(String[] args) throws Exception {
        Flags.requireKnown("bench-requests", args, "--requests", "--rounds", "--latency", "--out");
        int requests = Flags.integer(args, "--requests", 1000);
        int rounds = Flags.integer(args, "--rounds", 3);
        String latency = Flags.string(args, "--latency", "uniform:20ms..80ms");
        String outFlag = Flags.string(args, "--out", null);
        Path out = outFlag == null ? null : Path.of(outFlag);

        Map<Config, List<RequestsReport>> runs = new LinkedHashMap<>();
        try (ChildServer server = ChildServer.start(false, List.of(), LabServer.class, "--port", "0", "--latency", latency)) {
            LabApi api = LabApi.connect("http://127.0.0.1:" + server.port);
            RequestRun runner = new RequestRun(api);
            warmUp(runner);
            for (int round = 1; round <= rounds; round++) {
                for (Config c : CONFIGS) {
                    RequestsReport r = runner.run(new RequestRun.Plan(c.strategy(), c.family(), requests,
                            c.concurrency(), null, null, 3), line -> { }, false);
                    runs.computeIfAbsent(c, k -> new ArrayList<>()).add(r);
                    System.err.printf(Locale.ROOT, "round %d/%d  %-20s efficiency %.3f  429s %d%n", round, rounds,
                            c.label(), r.efficiency(), r.rejected());
                    append(out, round, latency, r);
                }
            }
        }
        print(System.out, runs, requests, rounds, latency);
    }

    /** One short run of each family first, so the first measured round does not pay for the JIT. */
    private static void warmUp(RequestRun runner) throws InterruptedException {
        for (Config c : CONFIGS) {
            runner.run(new RequestRun.Plan(c.strategy(), c.family(), 200, c.concurrency(), null, null, 3), l -> { }, false);
        }
    }

    private static void print(PrintStream out, Map<Config, List<RequestsReport>> runs, int requests, int rounds,
                              String latency) {
        out.printf(Locale.ROOT, "requests bench: %d requests, --latency %s, server limit 10, medians of %d rounds,"
                + " JDK %s, %d cores%n", requests, latency, rounds, Runtime.version(),
                Runtime.getRuntime().availableProcessors());
        Table t = new Table("strategy/impl", "ok", "429s", "wall ms", "bound ms", "efficiency", "ttfr ms",
                "ttfr bound", "p99 ms", "cpu ms/attempt");
        runs.forEach((c, rs) -> t.row(c.label(), f(median(rs, r -> r.ok()), 0), f(median(rs, r -> r.rejected()), 0),
                f(median(rs, RequestsReport::wallMs), 0), f(median(rs, RequestsReport::boundMs), 0),
                f(median(rs, RequestsReport::efficiency), 3), f(median(rs, RequestsReport::ttfrMs), 1),
                f(median(rs, RequestsReport::firstWaveFastestServiceMs), 0), f(median(rs, r -> r.latencyMs().p99()), 1),
                f(median(rs, RequestsReport::clientCpuMsPerRequest), 3)));
        out.print(t);
        out.println("bound = max(sum of service / limit, slowest service) from the server's stats; efficiency = bound / wall;"
                + " ttfr bound = fastest service drawn in the first wave; cpu = this JVM's CPU time / attempts.");
    }

    private static double median(List<RequestsReport> rs, ToDoubleFunction<RequestsReport> f) {
        double[] v = rs.stream().mapToDouble(f).sorted().toArray();
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    private static String f(double v, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", v);
    }

    private static void append(Path out, int round, String latency, RequestsReport r) throws IOException {
        if (out == null) {
            return;
        }
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("bench", "requests");
        line.put("round", round);
        line.put("latency", latency);
        line.putAll(Json.MAPPER.convertValue(r, Map.class));
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, Json.line(line) + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
    }
}
