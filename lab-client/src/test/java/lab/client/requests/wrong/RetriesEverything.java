package lab.client.requests.wrong;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import lab.client.requests.engine.Engine;
import lab.client.requests.engine.FixedLimit;
import lab.client.requests.engine.Tasks;
import lab.client.requests.strategy.Promise;
import lab.client.requests.strategy.RequestStrategy;
import lab.client.requests.strategy.Result;
import lab.client.requests.strategy.ResultSink;
import lab.client.requests.strategy.Settings;

/**
 * WRONG on purpose: when any id fails, it runs the whole batch again, the ids that succeeded too:
 * the seed's retry wrapped around {@code gather} instead of around each request.
 */
public final class RetriesEverything implements RequestStrategy {

    private final Settings settings;

    public RetriesEverything(Settings settings) {
        this.settings = settings;
    }

    @Override
    public List<Result> run(List<String> ids, ResultSink sink) throws InterruptedException {
        List<Result> results = List.of();
        for (int pass = 0; pass <= settings.retries(); pass++) {
            int attempt = pass + 1;
            results = new Engine(new FixedLimit(settings.concurrency()))
                    .run(ids, Tasks.once(settings.client(), settings.timeout()), Engine.HandOn.IN_INPUT_ORDER, r -> { })
                    .stream().map(r -> new Result(r.id(), r.status(), attempt, r.latencyMs(), r.echoedId(),
                            r.serviceMs(), r.error())).toList();
            if (results.stream().allMatch(Result::ok)) {
                break;
            }
        }
        results.forEach(sink::accept);
        return results;
    }

    @Override
    public Set<Promise> promises() {
        return EnumSet.of(Promise.STAYS_UNDER_THE_LIMIT, Promise.RETRIES_ONLY_FAILURES);
    }
}
