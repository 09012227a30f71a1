package lab.client.requests.virtual;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import lab.client.requests.engine.Engine;
import lab.client.requests.engine.Limiter;
import lab.client.requests.engine.Tasks;
import lab.client.requests.strategy.Promise;
import lab.client.requests.strategy.RequestStrategy;
import lab.client.requests.strategy.Result;
import lab.client.requests.strategy.ResultSink;
import lab.client.requests.strategy.Settings;

/**
 * At most C in flight, each result handed on the moment it completes: the seed's
 * {@code asyncio.as_completed} under a semaphore. The first result arrives after the fastest
 * request of the first wave, not after the slowest of all.
 */
public final class Streaming implements RequestStrategy {

    private final Settings settings;
    private final Limiter limiter;

    public Streaming(Settings settings, Limiter limiter) {
        this.settings = settings;
        this.limiter = limiter;
    }

    @Override
    public List<Result> run(List<String> ids, ResultSink sink) throws InterruptedException {
        return new Engine(limiter, settings.deadline())
                .run(ids, Tasks.once(settings.client(), settings.timeout()), Engine.HandOn.AS_COMPLETED, sink);
    }

    @Override
    public Set<Promise> promises() {
        return EnumSet.of(Promise.STAYS_UNDER_THE_LIMIT, Promise.HANDS_ON_AS_COMPLETED);
    }
}
