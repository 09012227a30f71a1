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
 * At most C in flight, all results returned in input order: gather under a semaphore. The
 * {@link Limiter} is the hand-written semaphore or resilience4j's bulkhead, whichever it is given.
 */
public final class Bounded implements RequestStrategy {

    private final Settings settings;
    private final Limiter limiter;

    public Bounded(Settings settings, Limiter limiter) {
        this.settings = settings;
        this.limiter = limiter;
    }

    @Override
    public List<Result> run(List<String> ids, ResultSink sink) throws InterruptedException {
        return new Engine(limiter, settings.deadline())
                .run(ids, Tasks.once(settings.client(), settings.timeout()), Engine.HandOn.IN_INPUT_ORDER, sink);
    }

    @Override
    public Set<Promise> promises() {
        return EnumSet.of(Promise.STAYS_UNDER_THE_LIMIT, Promise.KEEPS_INPUT_ORDER);
    }
}
