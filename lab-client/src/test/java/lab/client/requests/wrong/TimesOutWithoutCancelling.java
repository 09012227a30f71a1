package lab.client.requests.wrong;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import lab.client.requests.call.Attempt;
import lab.client.requests.strategy.Promise;
import lab.client.requests.strategy.RequestStrategy;
import lab.client.requests.strategy.Result;
import lab.client.requests.strategy.ResultSink;
import lab.client.requests.strategy.Settings;

/**
 * WRONG on purpose: stops <em>waiting</em> at the timeout and the deadline but never cancels, so
 * the requests it gave up on keep their connections and the server's slots: the seed's
 * {@code asyncio.wait(..., timeout=...)} that leaves the pending tasks running.
 */
public final class TimesOutWithoutCancelling implements RequestStrategy {

    private final Settings settings;

    public TimesOutWithoutCancelling(Settings settings) {
        this.settings = settings;
    }

    @Override
    public List<Result> run(List<String> ids, ResultSink sink) throws InterruptedException {
        long end = settings.deadline() == null ? Long.MAX_VALUE : System.nanoTime() + settings.deadline().toNanos();
        List<Result> results = new ArrayList<>();
        for (int from = 0; from < ids.size(); from += settings.concurrency()) {
            List<String> wave = ids.subList(from, Math.min(ids.size(), from + settings.concurrency()));
            List<CompletableFuture<Attempt>> calls = wave.stream().map(id -> settings.client().callAsync(id, null)).toList();
            for (int i = 0; i < wave.size(); i++) {
                Result r = waitFor(wave.get(i), calls.get(i), end);
                results.add(r);
                sink.accept(r);
            }
            if (System.nanoTime() > end) {
                ids.subList(results.size(), ids.size()).forEach(id -> results.add(Result.unanswered(id, 0, 0, "deadline")));
                break;
            }
        }
        return results;
    }

    private Result waitFor(String id, CompletableFuture<Attempt> call, long end) throws InterruptedException {
        long waitNanos = Math.min(settings.timeout() == null ? Long.MAX_VALUE : settings.timeout().toNanos(),
                Math.max(0, end - System.nanoTime()));
        try {
            return Result.of(id, call.get(waitNanos, TimeUnit.NANOSECONDS), 1, 0);
        } catch (TimeoutException e) {
            return Result.unanswered(id, 1, 0, "timeout"); // gives up waiting; the request goes on
        } catch (ExecutionException e) {
            return Result.unanswered(id, 1, 0, e.getCause().toString());
        }
    }

    @Override
    public Set<Promise> promises() {
        return EnumSet.of(Promise.STAYS_UNDER_THE_LIMIT, Promise.HANDS_ON_AS_COMPLETED, Promise.CANCELS_AT_THE_DEADLINE);
    }
}
