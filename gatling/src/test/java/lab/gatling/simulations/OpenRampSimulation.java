package lab.gatling.simulations;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.scenario;

import io.gatling.javaapi.core.OpenInjectionStep;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import lab.gatling.run.WindowFigures;
import lab.gatling.run.WindowSpec;

/**
 * <b>Open model, ramped across the knee.</b> Users arrive at a set rate whatever happens to the
 * ones before them, as traffic from many independent people does; the rate climbs in steps from
 * well below the server's capacity to well above it. A server with a hard limit and no queue is a
 * loss system: past its capacity, {@code limit / mean(L)} by Little's law, it cannot accept more,
 * so the accepted rate flattens and every extra arrival is a 429. Its accepted requests never wait,
 * so their tail latency stays that of the service itself: overload shows as refusals, not as slow
 * answers. Below capacity, how early the 429s start depends on randomness: with a fixed service
 * time and evenly spaced arrivals, none until the bound; with random arrivals (Poisson) an
 * arrival finds all slots busy with the probability of Erlang's loss formula, whatever the service
 * time distribution, so 1% of arrivals are refused far below the bound (about 45% of it for 10 slots).
 *
 * <p>The server's {@code /stats}, reset at the start of each step's window and read at its end, is
 * the judge: offered, accepted and refused rates, the p99 of the accepted requests. Those windows go
 * to {@code results/raw/gatling/}; {@code ./lab gatling-report} turns them into the knee table and plot.
 * A reset also rewinds the server's seeded draws, so every step sees the same sequence of service
 * times: the steps differ by their load only.
 *
 * <p>Claims: never more than {@code limit} in flight; the accepted rate never passes Little's bound
 * (by more than {@code slack}, the jitter of a few-second window); the 429 rate passes 1% within the ramp.
 *
 * <p>Parameters: {@code rates} (rps per step, rising: 60 to 160, finer near 100), {@code step} (5s), {@code settle} (1500ms, left
 * out at each step's start), {@code arrivals} (regular: evenly spaced; poisson: Gatling's randomized
 * injection), {@code latency} (fixed:100ms), {@code slack} (0.05), {@code url}.
 * Run: {@code ./lab gatling OpenRampSimulation -Dlatency=fixed:100ms}.
 */
public class OpenRampSimulation extends SimulationBase {

    private static final String WITHIN_LIMIT = "never above the limit";
    private static final String UNDER_BOUND = "accepted rate under Little's bound";
    private static final String KNEE_IN_RAMP = "429s pass 1% within the ramp";

    private final String arrivals;
    private final double slack;

    public OpenRampSimulation() {
        super("fixed:100ms", 0);
        List<Double> rates = params.rates("rates", "60,80,90,94,96,98,100,102,105,110,120,140,160");
        Duration step = params.duration("step", "5s");
        Duration settle = params.duration("settle", "1500ms");
        arrivals = params.choice("arrivals", "regular", "regular", "poisson");
        slack = params.fraction("slack", 0.05);
        List<OpenInjectionStep> steps = new ArrayList<>();
        List<WindowSpec> windows = new ArrayList<>();
        for (int i = 0; i < rates.size(); i++) {
            double rate = rates.get(i);
            var constant = constantUsersPerSec(rate).during(step);
            steps.add(arrivals.equals("poisson") ? constant.randomized() : constant);
            Duration begin = step.multipliedBy(i);
            windows.add(new WindowSpec(String.format(Locale.ROOT, "%.0f rps", rate), rate,
                    begin.plus(settle), begin.plus(step).minusMillis(200)));
        }
        var ramp = scenario("ramp").exec(item("item", tally("ramp")));
        run(verdict -> List.of(ramp.injectOpen(steps).andThen(verdict.injectOpen(atOnceUsers(1)))),
                windows, List.of(WITHIN_LIMIT, UNDER_BOUND, KNEE_IN_RAMP));
    }

    @Override
    protected void judge(List<WindowFigures> windows) {
        int worst = windows.stream().mapToInt(w -> w.server().maxInFlight()).max().orElse(0);
        verdict.judge(WITHIN_LIMIT, worst <= server.limit(), "max in flight " + worst + " of " + server.limit());
        WindowFigures fullest = windows.stream()
                .max((a, b) -> Double.compare(a.acceptedRps() / a.littleBoundRps(), b.acceptedRps() / b.littleBoundRps()))
                .orElseThrow();
        double ratio = fullest.acceptedRps() / fullest.littleBoundRps();
        verdict.judge(UNDER_BOUND, ratio <= 1 + slack, String.format(Locale.ROOT,
                "at most %.1f rps accepted (at %s) against a bound of %.1f rps: %.3f (at most %.2f)",
                fullest.acceptedRps(), fullest.label(), fullest.littleBoundRps(), ratio, 1 + slack));
        WindowFigures top = windows.get(windows.size() - 1);
        verdict.judge(KNEE_IN_RAMP, top.rejectedFraction() > 0.01, String.format(Locale.ROOT,
                "%.2f%% refused at the top step (%s, %.1f rps offered)", 100 * top.rejectedFraction(),
                top.label(), top.offeredRps()));
    }

    @Override
    protected String name() {
        return "open-ramp";
    }

    @Override
    protected String variant() {
        return server.latency() + "-" + arrivals;
    }
}
