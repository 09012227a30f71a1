package lab.client.cache;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * The seed's fix keeps "one call per key", expiry and give-ups, and the contract catches the two
 * prices of its one lock held across the remote call: different keys load one after the other, and
 * the waiters of a failing key each call it again, one after the other.
 */
class GlobalLockCacheTest extends CacheStrategyContract {

    @Override
    protected CacheStrategy create(CacheConfig config) {
        return StrategyName.GLOBAL_LOCK.create(config);
    }

    @Test
    @Override
    void loadsDifferentKeysInParallel() {
        assertThatThrownBy(super::loadsDifferentKeysInParallel)
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("different keys waited for each other: at most 1 of 5 loads");
    }

    @Test
    @Override
    void failedLoadIsSharedByItsWaitersNotCachedAndRetriedByTheNextCaller() {
        assertThatThrownBy(super::failedLoadIsSharedByItsWaitersNotCachedAndRetriedByTheNextCaller)
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("a failing key was called 10 times by 10 concurrent callers");
    }
}
