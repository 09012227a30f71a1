package lab.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import lab.server.behavior.BehaviorPlanner;
import lab.server.behavior.LatencyModel;
import org.junit.jupiter.api.Test;

/** The 429's hint is the mean wait for the first of the limit's busy slots to free, not one slot's service time. */
class RetryHintTest {

    @Test
    void isTheMeanServiceTimeOverTheLimit() {
        assertThat(RetryHint.ms(new BehaviorPlanner(LatencyModel.parse("fixed:100ms"), 0, 42), 10)).isEqualTo(10);
        assertThat(RetryHint.ms(new BehaviorPlanner(LatencyModel.parse("fixed:100ms"), 0, 42), 2)).isEqualTo(50);
        // Log-normal, median 50 ms and p99 400 ms: mean = 50 * exp(sigma^2 / 2), sigma = ln(8) / 2.326, about 75 ms.
        long lognormal = RetryHint.ms(new BehaviorPlanner(LatencyModel.parse("lognormal:median=50ms,p99=400ms"), 0, 42), 10);
        assertThat(lognormal).isBetween(8L, 9L);
        assertThat(RetryHint.ms(new BehaviorPlanner(LatencyModel.parse("fixed:0ms"), 0, 42), 10)).as("never 0").isEqualTo(1);
    }
}
