package lab.client.requests.virtual;

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
 * Streaming with a per-request timeout ({@code asyncio.wait_for}) and a deadline for the whole run
 * ({@code asyncio.timeout}). Both cancel for real: the exchange is aborted and its connection
 * closed, so the server frees the slot as soon as it sees the close; ids not started by the
 * deadline are reported unanswered, and nothing of the run is left running when it returns.
 *
 * <p>Measured subtlety: the permit is given back the moment the client gives up, a little before the
 * server has seen the close, so the request that takes the permit can meet a 429 (1 in 108 timeouts
 * in docs/requests.md). This strategy does not retry; {@link Retrying} with a timeout does.
 */
public final class Deadline implements RequestStrategy {

    private final Settings settings;

    public Deadline(Settings settings) {
        this.settings = settings;
    }

    @Override
    public List<Result> run(List<String> ids, ResultSink sink) throws InterruptedException {
        return new Engine(new FixedLimit(settings.concurrency()), settings.deadline())
                .run(ids, Tasks.once(settings.client(), settings.timeout()), Engine.HandOn.AS_COMPLETED, sink);
    }

    @Override
    public Set<Promise> promises() {
        return EnumSet.of(Promise.STAYS_UNDER_THE_LIMIT, Promise.HANDS_ON_AS_COMPLETED, Promise.CANCELS_AT_THE_DEADLINE);
    }
}
