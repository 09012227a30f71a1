package lab.gatling.simulations;

import static io.gatling.javaapi.core.CoreDsl.bodyString;
import static io.gatling.javaapi.core.CoreDsl.details;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.Assertion;
import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import lab.client.api.LabApi;
import lab.gatling.judge.ServerProfile;
import lab.gatling.run.ClientTally;
import lab.gatling.run.LabTarget;
import lab.gatling.run.Params;
import lab.gatling.run.RawLog;
import lab.gatling.run.Verdict;
import lab.gatling.run.WindowFigures;
import lab.gatling.run.WindowSampler;
import lab.gatling.run.WindowSpec;

/**
 * What every lab simulation shares: the lab-server it loads ({@link LabTarget}), the item request
 * with the client's own tally, the measuring windows judged by the server's {@code /stats}, the
 * verdict (claims checked after the load, as Gatling requests, so that Gatling's assertions carry
 * them) and the raw file of the run.
 *
 * <p>A subclass builds its load in its constructor, then calls {@link #run} with its populations.
 */
abstract class SimulationBase extends Simulation {

    protected final Params params = new Params();
    protected final LabTarget target;
    protected final LabApi stats;
    protected final ServerProfile server;
    protected final HttpProtocolBuilder protocol;
    protected final Verdict verdict = new Verdict();
    private final Map<String, ClientTally> tallies = new LinkedHashMap<>();
    private final AtomicLong ids = new AtomicLong();
    private WindowSampler sampler;

    protected SimulationBase(String defaultLatency, double defaultFaultRate) {
        target = LabTarget.from(params, defaultLatency, defaultFaultRate);
        stats = LabApi.connect(target.baseUrl());
        server = ServerProfile.of(stats.stats().server());
        protocol = http.baseUrl(target.baseUrl())
                // Gatling's default warm-up request goes to an outside site: the lab talks to 127.0.0.1 only.
                .warmUp(target.baseUrl() + "/health")
                .acceptHeader("application/json")
                .userAgentHeader("lab-gatling")
                // One keep-alive pool for all users, as a real client process would have: a closed-model
                // user is a new virtual user per request, and a connection per request would be measured too.
                .shareConnections();
    }

    /** The tally of one client (created on first use), reported per window under that name. */
    protected final ClientTally tally(String client) {
        return tallies.computeIfAbsent(client, c -> new ClientTally());
    }

    /** One {@code GET /api/items/{id}}, counted in {@code tally}; any status other than 200 is a KO for Gatling. */
    protected final ChainBuilder item(String requestName, ClientTally tally) {
        return exec(this::start)
                .exec(http(requestName).get("/api/items/#{id}")
                        .check(status().saveAs("status"), status().is(200)))
                .exec(session -> {
                    tally.record(statusOf(session), elapsedMicros(session), 1);
                    return session;
                });
    }

    /** Sets a fresh id and start time; clears the last status, so that no answer is never read as the previous one. */
    protected final Session start(Session session) {
        return session.remove("status").set("id", Long.toString(ids.incrementAndGet())).set("t0", System.nanoTime());
    }

    protected static int statusOf(Session session) {
        return session.contains("status") ? session.getInt("status") : 0;
    }

    protected static long elapsedMicros(Session session) {
        return (System.nanoTime() - session.getLong("t0")) / 1_000;
    }

    /**
     * Sets up the load, then the verdict once every user of the load is done. {@code load} is the
     * simulation's populations, already chained; the claims named here are judged by {@link #judge}.
     */
    protected final void run(SetUpShape load, List<WindowSpec> windows, List<String> claims) {
        sampler = new WindowSampler(stats, tallies, windows);
        ChainBuilder verdictChain = exec(session -> {
            measure();
            return session;
        });
        Assertion[] assertions = new Assertion[claims.size()];
        for (int i = 0; i < claims.size(); i++) {
            String claim = claims.get(i);
            verdictChain = verdictChain.exec(http("verdict: " + claim).get("/stats")
                    .check(bodyString().transform(body -> verdict.holds(claim)).is(true)));
            assertions[i] = details("verdict: " + claim).failedRequests().count().is(0L);
        }
        ScenarioBuilder verdictScenario = scenario("verdict").exec(verdictChain);
        setUp(load.then(verdictScenario)).protocols(protocol).assertions(assertions);
    }

    /** The load's populations, given the verdict scenario to chain (andThen) after the one that ends last. */
    @FunctionalInterface
    protected interface SetUpShape {
        List<PopulationBuilder> then(ScenarioBuilder verdict);
    }

    /** Judges the measured windows: one {@link Verdict#judge} call per claim named in {@link #run}. */
    protected abstract void judge(List<WindowFigures> windows);

    /** The name of the raw file's simulation ({@code open-ramp}) and its variant (the profile, say). */
    protected abstract String name();

    protected String variant() {
        return "";
    }

    private void measure() {
        List<WindowFigures> windows = sampler.await();
        try {
            judge(windows);
        } finally {
            RawLog.write(name(), variant(), server, target.inProcess(), params.used(), windows, verdict.claims());
        }
    }

    @Override
    public void before() {
        sampler.start();
    }

    @Override
    public void after() {
        target.close();
    }
}
