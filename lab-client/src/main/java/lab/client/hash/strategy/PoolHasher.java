package lab.client.hash.strategy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongConsumer;
import lab.client.hash.algorithm.PasswordHasher;

/**
 * K workers that share each batch: every worker takes the next unhashed index until none is left,
 * so a slow hash never leaves a core idle while another worker still has a queue. The workers are
 * platform threads of a fixed pool, or virtual threads (K of them per batch, created fresh: they
 * cost next to nothing), each with its own salt generator.
 */
final class PoolHasher implements BatchHasher {

    private final PasswordHasher hasher;
    private final int workers;
    private final ExecutorService executor;

    private PoolHasher(PasswordHasher hasher, int workers, ExecutorService executor) {
        this.hasher = hasher;
        this.workers = workers;
        this.executor = executor;
    }

    static PoolHasher platform(PasswordHasher hasher, int workers) {
        return new PoolHasher(hasher, workers, Executors.newFixedThreadPool(workers, Thread.ofPlatform().name("hash-", 1).daemon().factory()));
    }

    static PoolHasher virtual(PasswordHasher hasher, int workers) {
        return new PoolHasher(hasher, workers, Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("hash-v", 1).factory()));
    }

    @Override
    public List<String> hash(List<String> passwords, LongConsumer hashed) {
        String[] out = new String[passwords.size()];
        AtomicInteger next = new AtomicInteger();
        List<Future<?>> running = new ArrayList<>(workers);
        for (int w = 0; w < Math.min(workers, passwords.size()); w++) {
            running.add(executor.submit(() -> {
                Salts salts = new Salts();
                for (int i = next.getAndIncrement(); i < out.length; i = next.getAndIncrement()) {
                    out[i] = hasher.hash(passwords.get(i), salts.next());
                    hashed.accept(1);
                }
            }));
        }
        for (Future<?> f : running) {
            await(f);
        }
        return Arrays.asList(out);
    }

    private static void await(Future<?> f) {
        try {
            f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while hashing", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a hashing worker failed: " + e.getCause(), e.getCause());
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
