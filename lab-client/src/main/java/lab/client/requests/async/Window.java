package lab.client.requests.async;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import lab.client.requests.call.Attempt;
import lab.client.requests.call.ItemClient;
import lab.client.requests.strategy.Result;

/**
 * A sliding window of C requests on {@link ItemClient#callAsync}: C start at once, and each
 * completion starts the next id. No thread waits anywhere: the limit is kept by construction, not
 * by a semaphore, which is how the seed's task looks in callback style.
 *
 * <p>With a deadline, a timer closes the window: nothing new starts, every call in flight is
 * cancelled (which aborts its exchange, so the server frees the slot), and every id still without a
 * result gets one that says why. If handing a result on throws, the window fails the same way and its
 * future completes with that error, so the caller never waits for a completion that cannot come.
 * All of the window's state is kept under its lock; the HTTP client's threads and the timer take it.
 */
final class Window {

    /** Called once per id, from the HTTP client's threads or the timer, serially (under the window's lock). */
    interface OnResult {
        void accept(int index, Result result);
    }

    private final ItemClient client;
    private final Duration timeout;
    private final List<String> ids;
    private final OnResult onResult;
    private final CompletableFuture<Void> all = new CompletableFuture<>();
    private final CompletableFuture<?>[] inFlight;
    private final long[] startedAt;
    private long windowStart;
    private int next;
    private int finished;
    private boolean closed;

    Window(ItemClient client, Duration timeout, List<String> ids, OnResult onResult) {
        this.client = client;
        this.timeout = timeout;
        this.ids = ids;
        this.onResult = onResult;
        this.inFlight = new CompletableFuture<?>[ids.size()];
        this.startedAt = new long[ids.size()];
    }

    /** Starts {@code width} calls; {@code deadline} null for none. The future completes once every id has its result. */
    synchronized CompletableFuture<Void> start(int width, Duration deadline) {
        windowStart = System.nanoTime();
        if (ids.isEmpty()) {
            all.complete(null);
            return all;
        }
        if (deadline != null) {
            CompletableFuture<Void> timer = new CompletableFuture<>();
            timer.completeOnTimeout(null, deadline.toNanos(), TimeUnit.NANOSECONDS).thenRun(this::expire);
            all.whenComplete((v, e) -> timer.cancel(false)); // frees the timer's scheduled task early
        }
        try {
            for (int i = 0; i < Math.min(width, ids.size()) && !closed; i++) {
                startNext();
            }
        } catch (RuntimeException | Error e) {
            fail(e);
        }
        return all;
    }

    private void startNext() {
        if (closed || next >= ids.size()) {
            return;
        }
        int i = next++;
        startedAt[i] = System.nanoTime();
        CompletableFuture<Attempt> call = client.callAsync(ids.get(i), timeout);
        inFlight[i] = call;
        call.whenComplete((a, error) -> completed(i, a));
    }

    /** A call's own completion; ignored once {@link #expire} or {@link #fail} has taken the call over. */
    private synchronized void completed(int i, Attempt a) {
        if (all.isDone() || inFlight[i] == null || a == null) {
            return;
        }
        inFlight[i] = null;
        try {
            deliver(i, Result.of(ids.get(i), a, 1, sinceMs(startedAt[i])));
            if (finished == ids.size()) {
                all.complete(null);
            } else {
                startNext();
            }
        } catch (RuntimeException | Error e) {
            fail(e);
        }
    }

    /** The deadline: cancel what is in flight, and give every id that never started its result. */
    private synchronized void expire() {
        if (all.isDone()) {
            return;
        }
        closed = true;
        try {
            for (int i = 0; i < inFlight.length; i++) {
                CompletableFuture<?> call = inFlight[i];
                if (call != null) {
                    // Answered here, not by the call's own completion: a cancelled exchange may complete its
                    // future on the HTTP client's thread a moment later, with "cancelled" as the attempt.
                    inFlight[i] = null;
                    call.cancel(true);
                    deliver(i, Result.unanswered(ids.get(i), 1, sinceMs(startedAt[i]), "cancelled at the deadline"));
                }
            }
            while (next < ids.size()) {
                int i = next++;
                deliver(i, Result.unanswered(ids.get(i), 0, sinceMs(windowStart), "not started before the deadline"));
            }
            all.complete(null);
        } catch (RuntimeException | Error e) {
            fail(e);
        }
    }

    private void deliver(int i, Result r) {
        finished++;
        onResult.accept(i, r);
    }

    /** The caller gave up waiting (it was interrupted): cancel everything, as at a deadline, and start nothing more. */
    void abandon() {
        fail(new CancellationException("the caller was interrupted"));
    }

    /** Something threw while handing on: complete with the error first, then cancel what is still out. */
    private synchronized void fail(Throwable e) {
        closed = true;
        all.completeExceptionally(e);
        for (int i = 0; i < inFlight.length; i++) {
            CompletableFuture<?> call = inFlight[i];
            inFlight[i] = null;
            if (call != null) {
                call.cancel(true);
            }
        }
    }

    private static double sinceMs(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e6;
    }
}
