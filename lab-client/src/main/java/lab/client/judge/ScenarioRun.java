package lab.client.judge;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import lab.client.api.LabApi;
import lab.server.stats.ServerStats;
import lab.server.LabServer;
import lab.server.ServerConfig;
import lab.server.behavior.LatencyModel;
import lab.server.script.Fate;

/**
 * Runs a program once in one {@link Scenario}: starts a lab-server of its own (127.0.0.1, a free
 * port, the scenario's latency, faults and scripted ids), runs the program with {@code LAB_URL}
 * and the scenario's variables, notes when the server sees the first request, reads the figures
 * once the program is over, and judges the rules.
 */
public final class ScenarioRun {

    /** How long the server may take to see the connections of a finished program close. */
    private static final Duration SETTLE = Duration.ofSeconds(2);
    /** How often the judge looks for the first request: finer than any latency a scenario uses. */
    private static final long WATCH_NANOS = 200_000;

    private ScenarioRun() {
    }

    public static Observation run(Scenario scenario, List<String> command, Duration timeLimit)
            throws ProgramRun.CannotStart, InterruptedException {
        ServerWarmUp.once();
        ServerConfig config = ServerConfig.defaults().withPort(0).withLimit(scenario.limit())
                .withLatency(LatencyModel.parse(scenario.latency())).withFaultRate(scenario.faultRate()).withIoThreads(1);
        LabServer server;
        try {
            server = LabServer.start(config);
        } catch (java.net.BindException e) {
            throw new IllegalStateException("the judge could not start its lab-server: " + e.getMessage(), e);
        }
        try (server) {
            scenario.script().forEach((id, fate) -> server.script().put(id, Fate.parse(fate)));
            server.ledger().reset();

            Map<String, String> env = new HashMap<>(scenario.environment());
            env.put("LAB_URL", server.baseUrl());
            AtomicLong firstRequest = new AtomicLong(-1);
            AtomicBoolean over = new AtomicBoolean();
            Thread watch = Thread.ofPlatform().daemon().name("judge-watch").start(() -> watchFirst(server, firstRequest, over));
            Transcript transcript;
            try {
                transcript = new ProgramRun(command, env, timeLimit, scenario.lines(),
                        () -> server.ledger().inFlight()).run();
            } finally {
                over.set(true);
                watch.join();
            }
            settle(server);
            ServerStats stats = LabApi.connect(server.baseUrl()).stats();
            Observation observed = new Observation(scenario, transcript, stats, firstRequest.get(), List.of());
            List<RuleResult> rules = new ArrayList<>();
            rules.add(new RuleResult(scenario.name() + ": ran to completion", transcript.ending().clean(),
                    Endings.describe(transcript)));
            rules.addAll(scenario.judgement().judge(observed));
            return observed.withRules(rules);
        }
    }

    /** Polls the server's own counters until it has seen a request (accepted or refused) or the program is over. */
    private static void watchFirst(LabServer server, AtomicLong firstRequest, AtomicBoolean over) {
        while (!over.get()) {
            if (server.ledger().seen() > 0) {
                firstRequest.set(System.nanoTime());
                return;
            }
            LockSupport.parkNanos(WATCH_NANOS);
        }
    }

    /** Waits, with a bound, until the program's connections have closed at the server. */
    private static void settle(LabServer server) {
        long deadline = System.nanoTime() + SETTLE.toNanos();
        while (server.ledger().inFlight() > 0 && System.nanoTime() < deadline) {
            LockSupport.parkNanos(1_000_000);
        }
    }
}
