package lab.client.cache.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import lab.client.api.LabApi;
import lab.client.bench.BenchFlags;
import lab.client.bench.JsonLines;
import lab.client.cache.StampedeResult;
import lab.client.cache.StampedeRun;
import lab.client.cache.StrategyName;
import lab.client.cli.Progress;
import lab.client.cli.Table;
import lab.server.LabServer;
import lab.server.behavior.LatencyModel;
import lab.server.bench.ChildServer;
import lab.server.bench.Flags;

/**
 * The cache bench: the stampede ({@code lab-client cache}) of every strategy against one lab-server in
 * a JVM of its own, in interleaved rounds (each round runs every strategy once), so that drift on a
 * noisy machine hits every strategy alike. Prints the medians next to their bounds and, with
 * {@code --out}, appends every run as the JSON line {@code cache --json} prints, stamped with
 * {@code run_at} and {@code jdk} so that runs in one file can be told apart.
 *
 * <p>Every run is {@link StampedeRun#measure}, the {@code cache} command's own measurement, called
 * in this JVM: it warms the code and connections before its clock starts, so a round does not pay
 * for a fresh JVM.
 *
 * <pre>./lab bench-cache [--rounds 5] [--callers 200] [--keys 5] [--latency fixed:100ms] [--out FILE]</pre>
 */
public final class CacheBench {

    static final String PROGRAM = "bench-cache";

    record Settings(int rounds, int callers, int keys, String latency, Path out) {
    }

    public static void main(String[] args) throws Exception {
        Settings s = Flags.readOrExit(args, CacheBench::settings);
        Instant runAt = Instant.now();
        JsonLines lines = JsonLines.appendingTo(s.out());
        Map<StrategyName, List<StampedeResult>> runs = new LinkedHashMap<>();
        try (ChildServer server = ChildServer.start(false, List.of(), LabServer.class, "--port", "0", "--latency", s.latency())) {
            LabApi api = LabApi.connect("http://127.0.0.1:" + server.port);
            System.err.printf("lab-server on port %d (--latency %s)%n", server.port, s.latency());
            for (int round = 1; round <= s.rounds(); round++) {
                for (StrategyName strategy : StrategyName.values()) {
                    StampedeResult r = StampedeRun.measure(api, strategy, s.callers(), s.keys(), Duration.ZERO, Progress.silent());
                    runs.computeIfAbsent(strategy, k -> new ArrayList<>()).add(r);
                    System.err.printf(Locale.ROOT, "round %d/%d  %-13s upstream calls %d (keys %d)  wall %.1f ms (bound %.0f)%n",
                            round, s.rounds(), strategy, r.upstreamCalls(), r.expectedCalls(), r.wallMs(), r.boundMs());
                    lines.write(JsonLines.stamp(JsonLines.fields(r), runAt));
                }
            }
        }
        print(s, runs);
        if (lines.path() != null) {
            System.out.println("appended " + s.rounds() * runs.size() + " lines to " + lines.path());
        }
    }

    static Settings settings(String[] args) {
        BenchFlags.requireKnown(PROGRAM, args, "--rounds", "--callers", "--keys", "--latency", "--out");
        int callers = BenchFlags.count(PROGRAM, args, "--callers", 200, 1, 100_000);
        int keys = BenchFlags.count(PROGRAM, args, "--keys", 5, 1, callers);
        String out = Flags.string(args, "--out", null);
        return new Settings(BenchFlags.count(PROGRAM, args, "--rounds", 5, 1, 1000), callers, keys,
                latency(Flags.string(args, "--latency", "fixed:100ms")), out == null ? null : Path.of(out));
    }

    /** The server's own reading of a latency, so that a bad one is refused here in one line, not by a child that never starts. */
    private static String latency(String spec) {
        try {
            LatencyModel.parse(spec);
            return spec;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(PROGRAM + ": bad --latency '" + spec + "': " + e.getMessage());
        }
    }

    private static void print(Settings s, Map<StrategyName, List<StampedeResult>> runs) {
        System.out.printf(Locale.ROOT, "cache bench: %d callers, %d keys, --latency %s, server limit 10, medians of %d rounds,"
                + " JDK %s, %d cores%n", s.callers(), s.keys(), s.latency(), s.rounds(), Runtime.version(),
                Runtime.getRuntime().availableProcessors());
        Table t = new Table("strategy", "upstream calls", "keys", "wall ms", "bound ms", "serial ms", "efficiency", "p99 ms",
                "client overhead ms");
        runs.forEach((strategy, rs) -> t.row(strategy, f(median(rs, StampedeResult::upstreamCalls), 0), rs.get(0).expectedCalls(),
                f(median(rs, StampedeResult::wallMs), 1), f(median(rs, StampedeResult::boundMs), 0),
                f(median(rs, StampedeResult::serialMs), 0), f(median(rs, StampedeResult::efficiency), 3),
                f(median(rs, r -> r.latencyMs().p99()), 1), f(median(rs, StampedeResult::clientOverheadMs), 1)));
        System.out.print(t);
        System.out.println("upstream calls = the server's accepted count (the bound: one per key); bound = every key loaded once,"
                + " as many at a time as the limit lets; serial = the loads one after the other; efficiency = bound / wall.");
    }

    private static double median(List<StampedeResult> rs, ToDoubleFunction<StampedeResult> f) {
        double[] v = rs.stream().mapToDouble(f).sorted().toArray();
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    private static String f(double v, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", v);
    }
}
