package lab.client.requests.wrong;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import lab.client.requests.engine.Backoff;
import lab.client.requests.engine.Engine;
import lab.client.requests.engine.FixedLimit;
import lab.client.requests.engine.Tasks;
import lab.client.requests.strategy.Promise;
import lab.client.requests.strategy.RequestStrategy;
import lab.client.requests.strategy.Result;
import lab.client.requests.strategy.ResultSink;
import lab.client.requests.strategy.Settings;

/**
 * WRONG on purpose: claims to find the server's limit, but keeps as many in flight as its cap allows
 * and lets retries with backoff absorb the 429s. Every id still ends 200, so only the server's count
 * of refusals shows that it never learnt anything.
 */
public final class TakesTheCapForTheLimit implements RequestStrategy {

    private final Settings settings;

    public TakesTheCapForTheLimit(Settings settings) {
        this.settings = settings;
    }

    @Override
    public List<Result> run(List<String> ids, ResultSink sink) throws InterruptedException {
        FixedLimit limit = new FixedLimit(settings.concurrency());
        return new Engine(limit, settings.deadline()).run(ids,
                Tasks.retrying(settings.client(), settings.timeout(), 1_000, Backoff.DEFAULT, limit),
                Engine.HandOn.AS_COMPLETED, sink);
    }

    @Override
    public Set<Promise> promises() {
        return EnumSet.of(Promise.HANDS_ON_AS_COMPLETED, Promise.FINDS_THE_LIMIT);
    }
}
