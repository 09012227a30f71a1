package lab.client.hash.strategy;

import java.time.Duration;
import java.util.List;
import java.util.function.LongConsumer;
import lab.client.hash.algorithm.Cost;
import lab.client.hash.algorithm.PasswordHasher;
import lab.client.hash.algorithm.Pbkdf2Engine;

/**
 * Hashes a batch of passwords, each with a fresh random salt, into PHC strings in the batch's
 * order. {@code hashed} is told of each hash as it is done (for the progress line). One batch at a
 * time: the migrator hands the next one only when this one is back.
 */
public interface BatchHasher extends AutoCloseable {

    List<String> hash(List<String> passwords, LongConsumer hashed);

    /** Stops the workers (threads, child processes). */
    @Override
    void close();

    /**
     * The workers of a strategy; PBKDF2 runs on {@code engine} (in the children too). Child JVMs
     * warm up in rounds of half {@code warmup} before this returns, and are called hung past the
     * {@code patience} for their work.
     */
    static BatchHasher of(Strategy strategy, int workers, Cost cost, Pbkdf2Engine engine, Duration warmup, Patience patience) {
        checkWorkers(strategy, workers);
        PasswordHasher hasher = PasswordHasher.of(cost, engine);
        return switch (strategy) {
            case sequential -> new SequentialHasher(hasher);
            case threads -> PoolHasher.platform(hasher, workers);
            case virtual -> PoolHasher.virtual(hasher, workers);
            case processes -> ProcessHasher.start(cost, workers, engine, warmup, patience);
        };
    }

    /** Throws {@link IllegalArgumentException} for a worker count the strategy cannot take. */
    static void checkWorkers(Strategy strategy, int workers) {
        if (workers < 1) {
            throw new IllegalArgumentException("--workers must be at least 1, not " + workers);
        }
        if (strategy == Strategy.sequential && workers != 1) {
            throw new IllegalArgumentException("--strategy sequential hashes on one thread: --workers must be 1, not " + workers);
        }
    }
}
