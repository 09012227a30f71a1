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
 * WRONG on purpose: holds the semaphore around handing the result on instead of around the call,
 * so every request is already out when the limit is applied. A common slip: {@code async with sem}
 * placed after the {@code await session.get(...)}.
 */
public final class LimitTakenTooLate implements RequestStrategy {

    private final Settings settings;

    public LimitTakenTooLate(Settings settings) {
        this.settings = settings;
    }

    @Override
    public List<Result> run(List<String> ids, ResultSink sink) throws InterruptedException {
        Semaphore permits = new Semaphore(settings.concurrency());
        List<Future<Result>> futures = new ArrayList<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (String id : ids) {
                futures.add(pool.submit(() -> {
                    Result r = Result.of(id, settings.client().call(id, settings.timeout()), 1, 0);
                    permits.acquire(); // too late: the request has been sent and answered already
                    try {
                        return r;
                    } finally {
                        permits.release();
                    }
                }));
            }
        }
        List<Result> results = new ArrayList<>();
        for (Future<Result> f : futures) {
            try {
                results.add(f.get());
            } catch (ExecutionException e) {
                throw new IllegalStateException(e.getCause());
            }
        }
        results.forEach(sink::accept);
        return results;
    }

    @Override
    public Set<Promise> promises() {
        return EnumSet.of(Promise.STAYS_UNDER_THE_LIMIT, Promise.KEEPS_INPUT_ORDER);
    }
}
