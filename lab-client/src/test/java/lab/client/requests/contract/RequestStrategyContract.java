package lab.client.requests.contract;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import java.util.Set;
import lab.client.requests.strategy.Promise;
import lab.client.requests.strategy.RequestStrategy;
import lab.client.requests.strategy.Settings;
import org.junit.jupiter.api.Test;

/**
 * The contract every request strategy is judged by. To judge a strategy, yours included, extend
 * this class and build it in {@link #strategy}:
 *
 * <pre>{@code
 * class MyStrategyTest extends RequestStrategyContract {
 *     protected RequestStrategy strategy(Settings settings) { return new MyStrategy(settings); }
 * }
 * }</pre>
 *
 * Every strategy must answer every id once and correctly. Beyond that, each test checks one of the
 * {@link Promise}s the strategy makes and is skipped for a strategy that does not make it. The
 * verdict comes from a real lab-server's figures, and a failure says what went wrong.
 */
public abstract class RequestStrategyContract {

    /** Builds the strategy under test for one run. */
    protected abstract RequestStrategy strategy(Settings settings);

    private final StrategyJudge judge = new StrategyJudge(this::strategy);

    @Test
    void everyIdGetsOneCorrectAnswer() {
        // A strategy that does not promise to stay under the limit gets a server roomy enough to answer all.
        verdict(judge.answers(promises().contains(Promise.STAYS_UNDER_THE_LIMIT) ? 10 : 1_000));
    }

    @Test
    void staysUnderTheLimit() {
        assumeTrue(promises().contains(Promise.STAYS_UNDER_THE_LIMIT), "does not promise to stay under the limit");
        verdict(judge.limit());
    }

    @Test
    void keepsInputOrder() {
        assumeTrue(promises().contains(Promise.KEEPS_INPUT_ORDER), "does not promise input order");
        verdict(judge.inputOrder());
    }

    @Test
    void handsOnEachResultAsItCompletes() {
        assumeTrue(promises().contains(Promise.HANDS_ON_AS_COMPLETED), "does not promise to stream");
        verdict(judge.asCompleted());
    }

    @Test
    void retriesOnlyWhatFailed() {
        assumeTrue(promises().contains(Promise.RETRIES_ONLY_FAILURES), "does not promise retries");
        verdict(judge.retries());
    }

    @Test
    void cancelsForRealAtTimeoutAndDeadline() {
        assumeTrue(promises().contains(Promise.CANCELS_AT_THE_DEADLINE), "does not promise cancellation");
        verdict(judge.cancels());
    }

    @Test
    void findsTheLimitWithoutBeingTold() {
        assumeTrue(promises().contains(Promise.FINDS_THE_LIMIT), "does not promise to find the limit");
        verdict(judge.findsLimit());
    }

    private Set<Promise> promises() {
        return strategy(new Settings(null, 1, null, null, 0)).promises();
    }

    private void verdict(List<String> complaints) {
        if (!complaints.isEmpty()) {
            fail(getClass().getSimpleName() + ": " + String.join("; ", complaints));
        }
    }
}
