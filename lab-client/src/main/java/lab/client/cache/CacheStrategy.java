package lab.client.cache;

import java.util.concurrent.CompletableFuture;

/**
 * A read-through cache in front of an {@link Upstream}: {@link #get} answers from the cache, or loads
 * the value on a miss. What a strategy is judged on (see {@code CacheStrategyContract}): how many
 * upstream calls N concurrent callers of one key cost, whether different keys wait for each other,
 * what a failed load leaves behind, and whether a caller that gives up hurts the others.
 *
 * <p>The answer is a future, as Caffeine's {@code AsyncLoadingCache} and asyncio's tasks give: a
 * caller waits on it ({@code join}, {@code get(timeout)}) or gives up on it ({@code cancel}). Each
 * caller gets a future of its own, so giving up on it only stops that caller's wait.
 */
public interface CacheStrategy {

    /** The value of {@code key}; the future fails with the load's error if the load fails. */
    CompletableFuture<String> get(String key);
}
