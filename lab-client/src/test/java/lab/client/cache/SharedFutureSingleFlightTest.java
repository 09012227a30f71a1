package lab.client.cache;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The contract catches a single flight that lets one caller's give-up cancel the load for all. */
class SharedFutureSingleFlightTest extends CacheStrategyContract {

    @Override
    protected CacheStrategy create(CacheConfig config) {
        return new SharedFutureSingleFlight(config);
    }

    @Test
    @Override
    void callerThatGivesUpDoesNotCancelTheLoadForTheOthers() {
        assertThatThrownBy(super::callerThatGivesUpDoesNotCancelTheLoadForTheOthers)
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("a caller that gave up cancelled the load for the others: 2 of 2 waiters");
    }
}
