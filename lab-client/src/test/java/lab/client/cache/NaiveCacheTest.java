package lab.client.cache;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * The stampede, caught: the contract fails the naive cache on every rule about counting calls, each
 * time with a message that says what it did. (It keeps the rules it cannot break: different keys
 * load in parallel, and a caller that gives up hurts no one.)
 */
class NaiveCacheTest extends CacheStrategyContract {

    @Override
    protected CacheStrategy create(CacheConfig config) {
        return StrategyName.NAIVE.create(config);
    }

    @Test
    @Override
    void makesOneUpstreamCallPerKeyUnderConcurrentCallers() {
        assertThatThrownBy(super::makesOneUpstreamCallPerKeyUnderConcurrentCallers)
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("60 upstream calls for 3 keys under 60 concurrent callers")
                .hasMessageContaining("want exactly 3, one per key")
                .hasMessageContaining("the stampede");
    }

    @Test
    @Override
    void failedLoadIsSharedByItsWaitersNotCachedAndRetriedByTheNextCaller() {
        assertThatThrownBy(super::failedLoadIsSharedByItsWaitersNotCachedAndRetriedByTheNextCaller)
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("a failing key was called 10 times by 10 concurrent callers");
    }

    @Test
    @Override
    void expiredHotKeyIsReloadedOnceNotStampeded() {
        assertThatThrownBy(super::expiredHotKeyIsReloadedOnceNotStampeded)
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("an expired hot key was reloaded 20 times by 20 concurrent callers")
                .hasMessageContaining("the refresh stampeded");
    }
}
