package lab.client.requests.virtual;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import lab.client.requests.engine.Engine;
import lab.client.requests.engine.NoLimit;
import lab.client.requests.engine.Tasks;
import lab.client.requests.strategy.Promise;
import lab.client.requests.strategy.RequestStrategy;
import lab.client.requests.strategy.Result;
import lab.client.requests.strategy.ResultSink;
import lab.client.requests.strategy.Settings;

/**
 * Everything at once, results in input order when the last is in: the seed's
 * {@code asyncio.gather(*[fetch(id) for id in ids])}. Past the server's limit it earns 429s, and
 * every result waits for the slowest. A failure does not stop the others (as gather with
 * {@code return_exceptions=True}): each id's status says what happened to it.
 */
public final class Unbounded implements RequestStrategy {

    private final Settings settings;

    public Unbounded(Settings settings) {
        this.settings = settings;
    }

    @Override
    public List<Result> run(List<String> ids, ResultSink sink) throws InterruptedException {
        return new Engine(new NoLimit(), settings.deadline())
                .run(ids, Tasks.once(settings.client(), settings.timeout()), Engine.HandOn.IN_INPUT_ORDER, sink);
    }

    @Override
    public Set<Promise> promises() {
        return EnumSet.of(Promise.KEEPS_INPUT_ORDER);
    }
}
