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
 * {@code --out}, appends every run as a JSON line ({@code mode} warm or cold, {@code family},
 * {@code peer}).
 *
 * <p>Two modes. {@code warm}: every configuration in this JVM, after a warm-up: what a long-lived
 * client costs. {@code cold} ({@link ColdRounds}): every client a fresh process per round, the Java
 * families as {@code ./lab client} starts them and the seed's asyncio answers as peers: what a
 * user running the command sees. {@code --levers on} adds the JVM settings one at a time.
 *
 * <pre>./lab bench-requests [--requests 1000] [--rounds 3] [--latency uniform:20ms..80ms] [--seed 7]
 *     [--mode both|warm|cold] [--levers off|on] [--out FILE]</pre>
 */
public final class RequestsBench {

    /** What is compared: strategy, family, concurrency (a cap for adaptive), per-request timeout. */
    record Config(String strategy, Family family, int concurrency) {
        String label() {
            return strategy + "/" + family.word();
        }
    }

    static final List<Config> CONFIGS = List.of(
            new Config("bounded", Family.LEAN, 10), new Config("bounded", Family.NETTY, 10), new Config("bounded", Family.VIRTUAL, 10),
            new Config("bounded", Family.ASYNC, 10), new Config("bounded", Family.BULKHEAD, 10),
            new Config("streaming", Family.LEAN, 10), new Config("streaming", Family.NETTY, 10), new Config("streaming", Family.VIRTUAL, 10),
            new Config("streaming", Family.ASYNC, 10), new Config("streaming", Family.BULKHEAD, 10),
            new Config("retrying", Family.LEAN, 10), new Config("retrying", Family.VIRTUAL, 10),
            new Config("unbounded", Family.VIRTUAL, 10), new Config("adaptive", Family.LEAN, 100),
            new Config("adaptive", Family.VIRTUAL, 100));

    /** The bench's flags, read before any work (README, "bench-requests"). */
    private record Settings(int requests, int rounds, String latency, String seed, String mode, String levers, Path out) {
        static Settings read(String[] args) {
            Flags.requireKnown("bench-requests", args, "--requests", "--rounds", "--latency", "--seed", "--mode", "--levers",
                    "--out");
            String outFlag = Flags.string(args, "--out", null);
            Settings s = new Settings(Flags.integer(args, "--requests", 1000), Flags.integer(args, "--rounds", 3),
                    Flags.string(args, "--latency", "uniform:20ms..80ms"), Flags.string(args, "--seed", "7"),
                    Flags.string(args, "--mode", "both"), Flags.string(args, "--levers", "off"),
                    outFlag == null ? null : Path.of(outFlag));
            if (!List.of("both", "warm", "cold").contains(s.mode) || !List.of("on", "off").contains(s.levers)) {
                throw new IllegalArgumentException("bench-requests: --mode is both, warm or cold; --levers on or off");
            }
            if (s.requests < 1 || s.rounds < 1) {
                throw new IllegalArgumentException("bench-requests: --requests and --rounds are 1 or more");
            }
            return s;
        }
    }

    public static void main(String[] args) throws Exception {
        Settings s = Flags.readOrExit(args, Settings::read);
        int requests = s.requests();
        int rounds = s.rounds();
        String latency = s.latency();
        String seed = s.seed();
        String mode = s.mode();
        String levers = s.levers();
        Path out = s.out();

        try (ChildServer server = ChildServer.start(false, List.of(), LabServer.class, "--port", "0", "--latency", latency,
                "--seed", seed)) {
            String url = "http://127.0.0.1:" + server.port;
            LabApi api = LabApi.connect(url);
            if (!mode.equals("warm")) {
                cold(new ColdRounds(api, url, requests), levers.equals("on"), rounds, latency, out);
            }
            if (!mode.equals("cold")) {
                warm(api, requests, rounds, latency, out);
            }
        }
    }

    private static void cold(ColdRounds bench, boolean levers, int rounds, String latency, Path out) throws Exception {
        prepareLab();
        List<ColdRounds.Client> clients = ColdRounds.clients(levers, ColdRounds.scripts());
        Map<ColdRounds.Client, List<Map<String, Object>>> rows = new LinkedHashMap<>();
        for (int round = 1; round <= rounds; round++) {
            for (ColdRounds.Client c : clients) {
                Map<String, Object> row = bench.run(c, round, latency);
                rows.computeIfAbsent(c, k -> new ArrayList<>()).add(row);
                System.err.printf(Locale.ROOT, "cold round %d/%d  %-42s efficiency %.3f  process CPU %.2f s%n", round,
                        rounds, c.label(), (double) row.get("efficiency"), (double) row.get("process_cpu_s"));
                appendLine(out, row);
            }
        }
        ColdTable.print(System.out, rows, rounds, latency);
    }

    /** Builds the client and trains its JVM cache the way ./lab client does, so no round pays for either. */
    private static void prepareLab() throws IOException, InterruptedException {
        Process p = new ProcessBuilder("./lab", "client", "--version").redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (p.waitFor() != 0) {
            throw new IllegalStateException("./lab client --version failed: the client is not built");
        }
    }

    private static void warm(LabApi api, int requests, int rounds, String latency, Path out) throws Exception {
        Map<Config, List<RequestsReport>> runs = new LinkedHashMap<>();
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
                "ttfr bound", "p99 ms", "cpu ms/attempt", "KiB/attempt");
        runs.forEach((c, rs) -> t.row(c.label(), f(median(rs, r -> r.ok()), 0), f(median(rs, r -> r.rejected()), 0),
                f(median(rs, RequestsReport::wallMs), 0), f(median(rs, RequestsReport::boundMs), 0),
                f(median(rs, RequestsReport::efficiency), 3), f(median(rs, RequestsReport::ttfrMs), 1),
                f(median(rs, RequestsReport::firstWaveFastestServiceMs), 0), f(median(rs, r -> r.latencyMs().p99()), 1),
                f(median(rs, RequestsReport::clientCpuMsPerRequest), 3),
                f(median(rs, RequestsReport::clientAllocKbPerRequest), 1)));
        out.print(t);
        out.println("bound = max(sum of service / limit, slowest service) from the server's stats; efficiency = bound / wall;"
                + " ttfr bound = fastest service drawn in the first wave; cpu = this JVM's CPU time / attempts;"
                + " KiB = heap allocated by every thread / attempts.");
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
        line.put("mode", "warm");
        line.put("round", round);
        line.put("latency", latency);
        line.put("family", r.impl());
        line.put("peer", false);
        line.putAll(Json.MAPPER.convertValue(r, Map.class));
        appendLine(out, line);
    }


    static void appendLine(Path out, Map<String, Object> line) throws IOException {
        if (out == null) {
            return;
        }
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, Json.line(line) + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
    }
}
