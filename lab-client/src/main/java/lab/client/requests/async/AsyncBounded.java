package lab.client.requests.async;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import lab.client.requests.strategy.Promise;
import lab.client.requests.strategy.RequestStrategy;
import lab.client.requests.strategy.Result;
import lab.client.requests.strategy.ResultSink;
import lab.client.requests.strategy.Settings;

/** {@code bounded} in CompletableFuture style: a window of C on {@code HttpClient.sendAsync}, results in input order. */
public final class AsyncBounded implements RequestStrategy {

    private final Settings settings;

    public AsyncBounded(Settings settings) {
        this.settings = settings;
    }

    @Override
    public List<Result> run(List<String> ids, ResultSink sink) throws InterruptedException {
        Result[] results = new Result[ids.size()];
        Window window = new Window(settings.client(), settings.timeout(), ids, (i, r) -> results[i] = r);
        await(window, settings);
        Arrays.stream(results).forEach(sink::accept);
        return List.of(results);
    }

    /** Runs the window to its end; an interrupted caller cancels what the window still has in flight. */
    static void await(Window window, Settings settings) throws InterruptedException {
        CompletableFuture<Void> all = window.start(settings.concurrency(), settings.deadline());
        try {
            all.get();
        } catch (InterruptedException e) {
            window.abandon();
            throw e;
        } catch (ExecutionException e) {
            throw new IllegalStateException("the window failed: " + e.getCause(), e.getCause());
        }
    }

    @Override
    public Set<Promise> promises() {
        return EnumSet.of(Promise.STAYS_UNDER_THE_LIMIT, Promise.KEEPS_INPUT_ORDER, Promise.CANCELS_AT_THE_DEADLINE);
    }
}
