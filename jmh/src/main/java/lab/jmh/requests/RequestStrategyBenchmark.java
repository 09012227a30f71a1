package lab.jmh.requests;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import lab.client.api.LabApi;
import lab.client.cli.Json;
import lab.client.cli.UserError;
import lab.client.requests.RequestRun;
import lab.client.requests.RequestsReport;
import lab.client.requests.Strategies;
import lab.client.requests.Strategies.Family;
import lab.client.requests.call.ItemClient;
import lab.client.requests.strategy.Settings;
import lab.server.LabServer;
import lab.server.bench.ChildServer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.runner.IterationType;

/**
 * The request strategies and their implementation families, each run as {@code requests} runs it
 * ({@link RequestRun}: zero the server's figures, warm the connections, call ids 1..N, read the
 * server's figures back), against a lab-server with the seed's limit of 10 and service times drawn
 * uniformly from 20 to 80 ms (seed 7). An operation is one whole run of {@link #REQUESTS} requests; the
 * score is its wall time. The best possible wall time for the same work is {@code max(ΣL/10, max L)},
 * which the server knows exactly: every measured run appends its figures (efficiency against that
 * bound, time to first result against the first wave's fastest service, 429s, client CPU per
 * request) to {@code results/raw/jmh/RequestStrategyBenchmark-runs.jsonl}, and {@code -prof gc}'s
 * bytes per operation divided by {@link #REQUESTS} is the client's allocation per request.
 *
 * <p>The server runs in a JVM of its own ({@link ChildServer}), so that the fork's CPU time and
 * allocation are the client's alone: in-process, the Netty server's work would be billed to the
 * strategy. The parameter is {@code strategy/family}; the suite lists every pair the lab has
 * ({@link #cases()}), so a new family adds its rows without an edit.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class RequestStrategyBenchmark {

    public static final int REQUESTS = 200;
    public static final String LATENCY = "uniform:20ms..80ms";
    public static final String SEED = "7";
    /** Where the per-run figures go; set by the suite on the forks' command line. */
    public static final String RUNS_FILE_PROPERTY = "lab.jmh.runs";

    private static final List<String> STRATEGIES = List.of("bounded", "streaming", "retrying", "adaptive", "unbounded");

    @Param({"bounded/virtual"})
    public String strategy;

    private ChildServer server;
    private RequestRun runner;
    private RequestRun.Plan plan;
    private boolean measuring;

    /** Every strategy/family pair that {@link Strategies} can build, in family order. */
    public static List<String> cases() {
        List<String> cases = new ArrayList<>();
        try (ItemClient probe = new ItemClient(URI.create("http://127.0.0.1:9"))) {
            for (Family family : Family.values()) {
                for (String name : STRATEGIES) {
                    try {
                        Strategies.create(name, family, new Settings(probe, 10, null, null, 3));
                        cases.add(name + "/" + family.word());
                    } catch (UserError unsupported) {
                        // this family does not have this strategy: no row
                    }
                }
            }
        }
        return cases;
    }

    @Setup(Level.Trial)
    public void startServer() throws IOException {
        String[] parts = strategy.split("/");
        server = ChildServer.start(false, List.of(), LabServer.class, "--port", "0", "--latency", LATENCY, "--seed", SEED);
        runner = new RequestRun(LabApi.connect("http://127.0.0.1:" + server.port));
        Family family = Family.valueOf(parts[1].toUpperCase(java.util.Locale.ROOT));
        int concurrency = parts[0].equals("adaptive") ? 100 : 10; // adaptive takes it as a cap only
        plan = new RequestRun.Plan(parts[0], family, REQUESTS, concurrency, null, null, 3);
    }

    @Setup(Level.Iteration)
    public void noteIteration(IterationParams iteration) {
        measuring = iteration.getType() == IterationType.MEASUREMENT;
    }

    @Benchmark
    public RequestsReport run() throws InterruptedException, IOException {
        RequestsReport report = runner.run(plan, line -> { }, false);
        if (measuring) {
            appendRun(report);
        }
        return report;
    }

    @TearDown(Level.Trial)
    public void stopServer() throws InterruptedException {
        server.close();
    }

    private void appendRun(RequestsReport report) throws IOException {
        String file = System.getProperty(RUNS_FILE_PROPERTY);
        if (file == null) {
            return;
        }
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("case", strategy);
        line.put("latency", LATENCY);
        line.put("seed", Integer.parseInt(SEED));
        line.putAll(Json.MAPPER.convertValue(report, Json.MAPPER.getTypeFactory().constructMapType(Map.class, String.class, Object.class)));
        Files.writeString(Path.of(file), Json.line(line) + "\n", StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }
}
