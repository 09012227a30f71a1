package lab.gatling.simulations;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.nothingFor;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import lab.gatling.run.ClientFigures;
import lab.gatling.run.ClientTally;
import lab.gatling.run.WindowFigures;
import lab.gatling.run.WindowSpec;

/**
 * <b>Faults and retries: what a retry costs.</b> The server fails a fraction {@code f} of the
 * requests it accepts (500 or 503, after their service time). The same open load runs twice: first
 * each request is tried once, then Gatling's {@code tryMax(n)} retries a failed one at once, up to
 * {@code n} attempts. Retrying turns a failure rate of {@code f} into {@code f^n}, and pays for it
 * twice: the server does {@code (1 - f^n) / (1 - f)} attempts per request (1.25 at f = 0.2, n = 4),
 * and a retried request takes a service time per attempt, so the tail of the latency a caller sees
 * stretches to two, three, four service times. Near capacity the extra load is what pushes a server
 * over its knee; that is why real clients cap retries and back off.
 *
 * <p>Claims: retries raise the success rate; the server's accepted requests per logical request
 * (its own count) lie within 10% of {@code (1 - f^n) / (1 - f)}; never more than the limit in flight.
 *
 * <p>Parameters: {@code faultRate} (0.2), {@code retries} (tryMax's n, 4), {@code rate} (60 rps),
 * {@code phase} (15s each), {@code latency} (fixed:50ms), {@code url}.
 * Run: {@code ./lab gatling FaultRetrySimulation}.
 */
public class FaultRetrySimulation extends SimulationBase {

    private static final String SUCCESS = "retries raise the success rate";
    private static final String LOAD = "retry load as predicted";
    private static final String WITHIN_LIMIT = "never above the limit";

    private final double faultRate;
    private final int retries;

    public FaultRetrySimulation() {
        super("fixed:50ms", 0.2);
        faultRate = server.faultRate();
        retries = params.integer("retries", 4, 1);
        double rate = params.positive("rate", 60);
        Duration phase = params.duration("phase", "15s");
        // The gap lets the first phase's last requests (and their retries) finish before the second starts.
        Duration gap = Duration.ofSeconds(3);
        ClientTally once = tally("single attempt");
        ClientTally retrying = tally("tryMax " + retries);
        var single = scenario("single attempt").exec(item("item", once));
        var withRetries = scenario("tryMax " + retries)
                .exec(session -> start(session).set("attempts", 0))
                .tryMax(retries).on(exec(session -> session.remove("status").set("attempts", session.getInt("attempts") + 1))
                        .exec(http("attempt").get("/api/items/#{id}").check(status().saveAs("status"), status().is(200))))
                .exec(session -> {
                    retrying.record(statusOf(session), elapsedMicros(session), session.getInt("attempts"));
                    return session;
                });
        Duration second = phase.plus(gap);
        run(verdict -> List.of(
                        single.injectOpen(constantUsersPerSec(rate).during(phase)),
                        withRetries.injectOpen(nothingFor(second), constantUsersPerSec(rate).during(phase))
                                .andThen(verdict.injectOpen(atOnceUsers(1)))),
                List.of(new WindowSpec("single attempt", rate, Duration.ofSeconds(1), phase.minusMillis(200)),
                        new WindowSpec("tryMax " + retries, rate, second.plusSeconds(1), second.plus(phase).minusMillis(200))),
                List.of(SUCCESS, LOAD, WITHIN_LIMIT));
    }

    @Override
    protected void judge(List<WindowFigures> windows) {
        WindowFigures once = windows.get(0);
        WindowFigures retried = windows.get(1);
        ClientFigures a = once.clients().get("single attempt");
        ClientFigures b = retried.clients().get("tryMax " + retries);
        double okOnce = (double) a.ok() / Math.max(1, a.outcomes());
        double okRetried = (double) b.ok() / Math.max(1, b.outcomes());
        verdict.judge(SUCCESS, okRetried > okOnce, String.format(Locale.ROOT,
                "%.4f of requests succeed with retries (predicted 1 - f^n = %.4f), %.4f without (predicted %.4f)",
                okRetried, 1 - Math.pow(faultRate, retries), okOnce, 1 - faultRate));
        double measured = (double) retried.acceptedArrivals() / Math.max(1, b.outcomes());
        double predicted = (1 - Math.pow(faultRate, retries)) / (1 - faultRate);
        verdict.judge(LOAD, Math.abs(measured / predicted - 1) <= 0.10, String.format(Locale.ROOT,
                "the server accepted %.3f attempts per request (%d for %d requests; the client counted %d attempts),"
                        + " predicted (1 - f^n) / (1 - f) = %.3f",
                measured, retried.acceptedArrivals(), b.outcomes(), b.attempts(), predicted));
        int worst = Math.max(once.server().maxInFlight(), retried.server().maxInFlight());
        verdict.judge(WITHIN_LIMIT, worst <= server.limit(), "max in flight " + worst + " of " + server.limit());
    }

    @Override
    protected String name() {
        return "fault-retry";
    }
}
