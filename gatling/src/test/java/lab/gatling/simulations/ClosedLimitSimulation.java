package lab.gatling.simulations;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.scenario;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import lab.gatling.run.ClientFigures;
import lab.gatling.run.WindowFigures;
import lab.gatling.run.WindowSpec;

/**
 * <b>Closed model at the limit.</b> Ten users, each sending its next request the moment the last
 * response arrives: the seed's bounded client, as a load generator. Little's law says the
 * throughput of a closed system is users / mean(time in system); with as many users as the
 * server's limit, nobody ever waits for a slot, so the server's throughput reaches its bound
 * {@code limit / mean(L)} and no request is ever refused: the limit is released before the
 * response is written, so the next request always finds its slot free.
 *
 * <p>Claims (Gatling assertions, judged on the server's {@code /stats}): no 429, never more than
 * {@code limit} in flight, throughput at least {@code minEfficiency} of Little's bound.
 *
 * <p>Parameters ({@code -Dname=value}): {@code users} (the server's limit), {@code duration} (20s),
 * {@code warmup} (3s, left out of the measure), {@code latency} (lognormal:median=50ms,p99=400ms),
 * {@code minEfficiency} (0.95), {@code url} (a running lab-server instead of an in-process one).
 * Run: {@code ./lab gatling ClosedLimitSimulation}.
 */
public class ClosedLimitSimulation extends SimulationBase {

    private static final String NO_429 = "no 429 from users <= limit";
    private static final String WITHIN_LIMIT = "never above the limit";
    private static final String AT_BOUND = "throughput at Little's bound";

    private final int users;
    private final double minEfficiency;

    public ClosedLimitSimulation() {
        super("lognormal:median=50ms,p99=400ms", 0);
        users = params.integer("users", server.limit(), 1);
        Duration duration = params.duration("duration", "20s");
        Duration warmup = params.duration("warmup", "3s");
        minEfficiency = params.fraction("minEfficiency", 0.95);
        var closed = scenario("closed").exec(item("item", tally("closed")));
        run(verdict -> List.of(closed.injectClosed(constantConcurrentUsers(users).during(duration))
                        .andThen(verdict.injectOpen(atOnceUsers(1)))),
                List.of(new WindowSpec(users + " users", 0, warmup, duration.minusMillis(200))),
                List.of(NO_429, WITHIN_LIMIT, AT_BOUND));
    }

    @Override
    protected void judge(List<WindowFigures> windows) {
        WindowFigures w = windows.get(0);
        ClientFigures client = w.clients().get("closed");
        verdict.judge(NO_429, w.server().rejected() == 0 && client.rejected() == 0, String.format(Locale.ROOT,
                "%d users, limit %d: the server refused %d, the client saw %d 429s",
                users, w.server().limit(), w.server().rejected(), client.rejected()));
        verdict.judge(WITHIN_LIMIT, w.server().maxInFlight() <= w.server().limit(),
                "max in flight " + w.server().maxInFlight() + " of " + w.server().limit());
        // With fewer users than the limit, the users are the bound: min(users, limit) / mean(L).
        double bound = w.littleBoundRps() * Math.min(users, w.server().limit()) / w.server().limit();
        double efficiency = w.completedRps() / bound;
        verdict.judge(AT_BOUND, efficiency >= minEfficiency, String.format(Locale.ROOT,
                "%.1f rps completed against Little's bound %d / %.2f ms = %.1f rps: %.3f (at least %.2f)",
                w.completedRps(), Math.min(users, w.server().limit()), w.meanServiceMs(), bound,
                efficiency, minEfficiency));
    }

    @Override
    protected String name() {
        return "closed-limit";
    }

    @Override
    protected String variant() {
        return server.latency();
    }
}
