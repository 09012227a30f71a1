package lab.client.requests.virtual;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import lab.client.requests.engine.AdaptiveLimit;
import lab.client.requests.engine.Backoff;
import lab.client.requests.engine.Engine;
import lab.client.requests.engine.Tasks;
import lab.client.requests.strategy.Promise;
import lab.client.requests.strategy.RequestStrategy;
import lab.client.requests.strategy.Result;
import lab.client.requests.strategy.ResultSink;
import lab.client.requests.strategy.Settings;

/**
 * Not told the limit: an {@link AdaptiveLimit} finds it from the 429s, with {@code concurrency}
 * only as a cap. A rejected id is sent again as soon as the lowered limit lets it (no backoff: the
 * limiter itself holds it back), so a 429 costs a round trip, never a result; other failures are
 * retried as {@code retrying} does.
 */
public final class Adaptive implements RequestStrategy {

    /** 429s are the probe's cost, not failures; this bounds the re-sends of one id all the same. */
    private static final int FREE_RESENDS = 100;

    private final Settings settings;
    private AdaptiveLimit lastLimit;

    public Adaptive(Settings settings) {
        this.settings = settings;
    }

    @Override
    public List<Result> run(List<String> ids, ResultSink sink) throws InterruptedException {
        AdaptiveLimit limiter = new AdaptiveLimit(settings.concurrency());
        lastLimit = limiter;
        return new Engine(limiter, settings.deadline()).run(ids,
                Tasks.retrying(settings.client(), settings.timeout(), settings.retries(), Backoff.DEFAULT, limiter,
                        FREE_RESENDS),
                Engine.HandOn.AS_COMPLETED, sink);
    }

    /** The limit the last run arrived at. */
    public int foundLimit() {
        return lastLimit == null ? 0 : lastLimit.limit();
    }

    @Override
    public Set<Promise> promises() {
        return EnumSet.of(Promise.HANDS_ON_AS_COMPLETED, Promise.FINDS_THE_LIMIT);
    }
}
