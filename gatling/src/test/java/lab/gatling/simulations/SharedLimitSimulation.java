package lab.gatling.simulations;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.PopulationBuilder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import lab.gatling.run.ClientFigures;
import lab.gatling.run.ClientTally;
import lab.gatling.run.Fairness;
import lab.gatling.run.WindowFigures;
import lab.gatling.run.WindowSpec;

/**
 * <b>A bounded client strategy under load: one limit, many clients.</b> Each of {@code clients}
 * independent clients runs the seed's bounded strategy (at most {@code bound} requests in flight,
 * the next sent when one returns; on a 429 it waits the server's {@code retry_after_ms} hint before
 * going on). Bounded is correct for one client alone: with the bound at the limit it never sees a
 * 429. Shared, it is not: first every client is bounded to the whole limit, as if it were alone,
 * and together they offer {@code clients x limit} requests in flight to a server that holds
 * {@code limit}; then each is bounded to its share, {@code limit / clients}. Oversubscribed, the
 * server stays busy, but a large part of the traffic is refused work, and which client gets served
 * is luck; partitioned, the same throughput comes with no 429 at all and equal shares. A limit
 * shared by independent clients has to be divided (or discovered, as the adaptive strategy does).
 *
 * <p>Fairness is Jain's index over the clients' completed requests, {@code (sum x)^2 / (n sum x^2)}:
 * 1 when all get the same, {@code 1/n} when one gets everything.
 *
 * <p>Claims: never more than the limit in flight; no 429 when the bounds add up to the limit;
 * 429s when they add up to more.
 *
 * <p>Parameters: {@code clients} (5), {@code phase} (12s each), {@code latency}
 * (lognormal:median=50ms,p99=400ms), {@code url}. Run: {@code ./lab gatling SharedLimitSimulation}.
 */
public class SharedLimitSimulation extends SimulationBase {

    private static final String WITHIN_LIMIT = "never above the limit";
    private static final String SHARES_NO_429 = "bounds that add up to the limit see no 429";
    private static final String OVERSUBSCRIBED_429 = "bounds that add up to more see 429s";

    private final int clients;

    public SharedLimitSimulation() {
        super("lognormal:median=50ms,p99=400ms", 0);
        clients = params.integer("clients", 5, 2);
        int limit = server.limit();
        if (limit % clients != 0) {
            throw new IllegalArgumentException("-Dclients=" + clients + " is not allowed: give a divisor of the limit, "
                    + limit + ", so that the shares add up to it");
        }
        Duration phase = params.duration("phase", "12s");
        Duration gap = Duration.ofSeconds(2);
        Duration second = phase.plus(gap);
        List<PopulationBuilder> populations = new ArrayList<>();
        for (int i = 1; i <= clients; i++) {
            String name = "client-" + i;
            ClientTally tally = tally(name);
            var client = scenario(name)
                    .exec(this::start)
                    .exec(http(name).get("/api/items/#{id}").check(status().saveAs("status"), status().is(200),
                            jsonPath("$.retry_after_ms").ofInt().optional().saveAs("retryAfterMs")))
                    .exec(session -> {
                        tally.record(statusOf(session), elapsedMicros(session), 1);
                        return session;
                    })
                    .doIf(session -> statusOf(session) == 429)
                    .then(pause(session -> Duration.ofMillis(session.getInt("retryAfterMs"))));
            populations.add(client.injectClosed(
                    constantConcurrentUsers(limit).during(phase),
                    constantConcurrentUsers(0).during(gap),
                    constantConcurrentUsers(limit / clients).during(phase)));
        }
        run(verdict -> {
                    List<PopulationBuilder> all = new ArrayList<>(populations);
                    all.set(0, all.get(0).andThen(verdict.injectOpen(atOnceUsers(1))));
                    return all;
                },
                List.of(new WindowSpec(clients + " x " + limit, 0, Duration.ofSeconds(2), phase.minusMillis(200)),
                        new WindowSpec(clients + " x " + limit / clients, 0, second.plusSeconds(2), second.plus(phase).minusMillis(200))),
                List.of(WITHIN_LIMIT, SHARES_NO_429, OVERSUBSCRIBED_429));
    }

    @Override
    protected void judge(List<WindowFigures> windows) {
        WindowFigures over = windows.get(0);
        WindowFigures shared = windows.get(1);
        int worst = Math.max(over.server().maxInFlight(), shared.server().maxInFlight());
        verdict.judge(WITHIN_LIMIT, worst <= server.limit(), "max in flight " + worst + " of " + server.limit());
        verdict.judge(SHARES_NO_429, shared.server().rejected() == 0, describe(shared));
        verdict.judge(OVERSUBSCRIBED_429, over.server().rejected() > 0, describe(over));
    }

    private String describe(WindowFigures w) {
        List<ClientFigures> each = List.copyOf(w.clients().values());
        return String.format(Locale.ROOT, "%s: %.1f rps completed of a bound of %.1f, %.1f%% refused, fairness %.3f",
                w.label(), w.completedRps(), w.littleBoundRps(), 100 * w.rejectedFraction(), Fairness.jain(each));
    }

    @Override
    protected String name() {
        return "shared-limit";
    }

    @Override
    protected String variant() {
        return server.latency();
    }
}
