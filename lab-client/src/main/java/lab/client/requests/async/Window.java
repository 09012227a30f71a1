package lab.client.requests.async;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import lab.client.requests.call.ItemClient;
import lab.client.requests.strategy.Result;

/**
 * A sliding window of C requests on {@link ItemClient#callAsync}: C start at once, and each
 * completion starts the next id. No thread waits anywhere: the limit is kept by construction, not
 * by a semaphore, which is how the seed's task looks in callback style.
 */
final class Window {

    /** Called once per id, from the HTTP client's threads, serially (under the window's lock). */
    interface OnResult {
        void accept(int index, Result result);
    }

    private final ItemClient client;
    private final Duration timeout;
    private final List<String> ids;
    private final OnResult onResult;
    private final AtomicInteger next = new AtomicInteger();
    private final AtomicInteger finished = new AtomicInteger();
    private final CompletableFuture<Void> all = new CompletableFuture<>();

    Window(ItemClient client, Duration timeout, List<String> ids, OnResult onResult) {
        this.client = client;
        this.timeout = timeout;
        this.ids = ids;
        this.onResult = onResult;
    }

    CompletableFuture<Void> start(int width) {
        if (ids.isEmpty()) {
            all.complete(null);
        }
        for (int i = 0; i < Math.min(width, ids.size()); i++) {
            startNext();
        }
        return all;
    }

    private void startNext() {
        int i = next.getAndIncrement();
        if (i >= ids.size()) {
            return;
        }
        long start = System.nanoTime();
        client.callAsync(ids.get(i), timeout).thenAccept(a -> {
            synchronized (this) {
                onResult.accept(i, Result.of(ids.get(i), a, 1, (System.nanoTime() - start) / 1e6));
            }
            if (finished.incrementAndGet() == ids.size()) {
                all.complete(null);
            } else {
                startNext();
            }
        });
    }
}
