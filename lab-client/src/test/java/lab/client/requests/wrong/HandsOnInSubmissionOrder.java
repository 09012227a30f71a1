package lab.client.requests.wrong;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import lab.client.requests.strategy.Promise;
import lab.client.requests.strategy.RequestStrategy;
import lab.client.requests.strategy.Result;
import lab.client.requests.strategy.ResultSink;
import lab.client.requests.strategy.Settings;

/**
 * WRONG on purpose: claims to stream, but walks its futures in the order it submitted them, so one
 * slow request holds back every result behind it: the seed's {@code for t in tasks: await t}
 * instead of {@code as_completed}.
 */
public final class HandsOnInSubmissionOrder implements RequestStrategy {

    private final Settings settings;

    public HandsOnInSubmissionOrder(Settings settings) {
        this.settings = settings;
    }

    @Override
    public List<Result> run(List<String> ids, ResultSink sink) throws InterruptedException {
        Semaphore permits = new Semaphore(settings.concurrency());
        List<Future<Result>> futures = new ArrayList<>();
        List<Result> results = new ArrayList<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (String id : ids) {
                permits.acquire();
                futures.add(pool.submit(() -> {
                    try {
                        return Result.of(id, settings.client().call(id, settings.timeout()), 1, 0);
                    } finally {
                        permits.release();
                    }
                }));
            }
            for (Future<Result> f : futures) {
                Result r = get(f);
                results.add(r);
                sink.accept(r);
            }
        }
        return results;
    }

    private static Result get(Future<Result> f) throws InterruptedException {
        try {
            return f.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    @Override
    public Set<Promise> promises() {
        return EnumSet.of(Promise.STAYS_UNDER_THE_LIMIT, Promise.HANDS_ON_AS_COMPLETED);
    }
}
