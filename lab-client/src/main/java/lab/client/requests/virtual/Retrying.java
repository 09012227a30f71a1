package lab.client.requests.virtual;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import lab.client.requests.engine.Backoff;
import lab.client.requests.engine.Engine;
import lab.client.requests.engine.FixedLimit;
import lab.client.requests.engine.Limiter;
import lab.client.requests.engine.Tasks;
import lab.client.requests.strategy.Promise;
import lab.client.requests.strategy.RequestStrategy;
import lab.client.requests.strategy.Result;
import lab.client.requests.strategy.ResultSink;
import lab.client.requests.strategy.Settings;

/**
 * Streaming, and an id that fails in a way that may pass (500, 503, 429, a timeout) is tried
 * again, alone, up to {@code retries} times, after a jittered exponential backoff that honours the
 * server's {@code Retry-After}. Only failed ids are retried: the ones that succeeded are never
 * sent twice. A backoff is waited out with no slot held.
 */
public final class Retrying implements RequestStrategy {

    private final Settings settings;

    public Retrying(Settings settings) {
        this.settings = settings;
    }

    @Override
    public List<Result> run(List<String> ids, ResultSink sink) throws InterruptedException {
        Limiter limiter = new FixedLimit(settings.concurrency());
        return new Engine(limiter, settings.deadline()).run(ids,
                Tasks.retrying(settings.client(), settings.timeout(), settings.retries(), Backoff.DEFAULT, limiter),
                Engine.HandOn.AS_COMPLETED, sink);
    }

    @Override
    public Set<Promise> promises() {
        return EnumSet.of(Promise.STAYS_UNDER_THE_LIMIT, Promise.HANDS_ON_AS_COMPLETED, Promise.RETRIES_ONLY_FAILURES);
    }
}
