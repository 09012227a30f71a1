package lab.client.requests.async;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import lab.client.requests.strategy.Promise;
import lab.client.requests.strategy.RequestStrategy;
import lab.client.requests.strategy.Result;
import lab.client.requests.strategy.ResultSink;
import lab.client.requests.strategy.Settings;

/**
 * {@code streaming} in CompletableFuture style: a window of C on {@code HttpClient.sendAsync}, each
 * result handed on from the completing thread, one at a time.
 */
public final class AsyncStreaming implements RequestStrategy {

    private final Settings settings;

    public AsyncStreaming(Settings settings) {
        this.settings = settings;
    }

    @Override
    public List<Result> run(List<String> ids, ResultSink sink) throws InterruptedException {
        Result[] results = new Result[ids.size()];
        Window window = new Window(settings.client(), settings.timeout(), ids, (i, r) -> {
            results[i] = r;
            sink.accept(r);
        });
        AsyncBounded.await(window, settings);
        return List.of(results);
    }

    @Override
    public Set<Promise> promises() {
        return EnumSet.of(Promise.STAYS_UNDER_THE_LIMIT, Promise.HANDS_ON_AS_COMPLETED, Promise.CANCELS_AT_THE_DEADLINE);
    }
}
