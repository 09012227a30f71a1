package lab.client.requests.engine;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import lab.client.requests.strategy.Result;
import lab.client.requests.strategy.ResultSink;

/**
 * Runs a {@link Task} for every id on virtual threads, as many at once as the {@link Limiter}
 * allows, and hands the results on in input order (gather) or as they complete (as_completed).
 *
 * <p>A feeder thread takes a permit <em>before</em> it starts each task, so no more than the limit
 * exists at once, and ids start in the order given. The calling thread only collects: each task
 * puts its index on a queue when done, so results reach the sink from one thread, in completion
 * order. With a deadline, the collector stops waiting when it passes, interrupts the feeder and
 * every task (the HTTP client then aborts each exchange and closes its connection), and waits for
 * them all to end before it returns: nothing keeps running after a run.
 */
public final class Engine {

    public enum HandOn { IN_INPUT_ORDER, AS_COMPLETED }

    private final Limiter limiter;
    private final Duration deadline;

    public Engine(Limiter limiter, Duration deadline) {
        this.limiter = limiter;
        this.deadline = deadline;
    }

    public Engine(Limiter limiter) {
        this(limiter, null);
    }

    public List<Result> run(List<String> ids, Task task, HandOn handOn, ResultSink sink) throws InterruptedException {
        long start = System.nanoTime();
        long end = deadline == null ? Long.MAX_VALUE : start + deadline.toNanos();
        Result[] results = new Result[ids.size()];
        BlockingQueue<Integer> done = new LinkedBlockingQueue<>();
        boolean[] handed = new boolean[ids.size()];
        try (ExecutorService calls = Executors.newVirtualThreadPerTaskExecutor()) {
            Thread feeder = Thread.ofVirtual().name("feeder").start(() -> feed(ids, task, results, done, calls));
            int collected = collect(done, ids.size(), end, handOn, sink, results, handed);
            if (collected < ids.size()) {
                feeder.interrupt();
                calls.shutdownNow();
            }
            feeder.join();
        }
        // Every task has ended: the ones cut off at the deadline answered "cancelled", the rest never started.
        for (Integer i; (i = done.poll()) != null; ) {
            handOnLate(i, handOn, sink, results, handed);
        }
        fillUnstarted(ids, results, start, handOn, sink, handed);
        if (handOn == HandOn.IN_INPUT_ORDER) {
            Arrays.stream(results).forEach(sink::accept);
        }
        return List.of(results);
    }

    private int collect(BlockingQueue<Integer> done, int n, long end, HandOn handOn, ResultSink sink,
                        Result[] results, boolean[] handed) throws InterruptedException {
        int collected = 0;
        while (collected < n) {
            long left = end == Long.MAX_VALUE ? Long.MAX_VALUE : end - System.nanoTime();
            Integer i = left == Long.MAX_VALUE ? done.take() : done.poll(Math.max(0, left), TimeUnit.NANOSECONDS);
            if (i == null) {
                break; // the deadline
            }
            collected++;
            if (handOn == HandOn.AS_COMPLETED) {
                handed[i] = true;
                sink.accept(results[i]);
            }
        }
        return collected;
    }

    private void feed(List<String> ids, Task task, Result[] results, BlockingQueue<Integer> done, ExecutorService calls) {
        for (int i = 0; i < ids.size(); i++) {
            Limiter.Permit permit;
            try {
                permit = limiter.acquire();
            } catch (InterruptedException e) {
                return; // the deadline passed: the ids not started yet stay unanswered
            }
            int index = i;
            try {
                calls.submit(() -> runOne(ids.get(index), index, task, permit, results, done));
            } catch (RejectedExecutionException e) {
                permit.release(null);
                return;
            }
        }
    }

    private static void runOne(String id, int index, Task task, Limiter.Permit permit, Result[] results,
                               BlockingQueue<Integer> done) {
        long start = System.nanoTime();
        try {
            results[index] = task.run(id, permit);
        } catch (CutOff e) {
            results[index] = Result.unanswered(id, e.attempts, Tasks.sinceMs(start), "cancelled at the deadline");
        } catch (InterruptedException e) { // a task that does not say how far it got: one attempt, as a guess
            results[index] = Result.unanswered(id, 1, Tasks.sinceMs(start), "cancelled at the deadline");
        } catch (RuntimeException e) { // a bug in a task still leaves a result for its id
            results[index] = Result.unanswered(id, 1, Tasks.sinceMs(start), e.toString());
        } finally {
            done.add(index);
        }
    }

    private static void handOnLate(int i, HandOn handOn, ResultSink sink, Result[] results, boolean[] handed) {
        if (handOn == HandOn.AS_COMPLETED && !handed[i]) {
            handed[i] = true;
            sink.accept(results[i]);
        }
    }

    private static void fillUnstarted(List<String> ids, Result[] results, long start, HandOn handOn,
                                      ResultSink sink, boolean[] handed) {
        for (int i = 0; i < results.length; i++) {
            if (results[i] == null) {
                results[i] = Result.unanswered(ids.get(i), 0, Tasks.sinceMs(start), "not started before the deadline");
                handOnLate(i, handOn, sink, results, handed);
            }
        }
    }
}
