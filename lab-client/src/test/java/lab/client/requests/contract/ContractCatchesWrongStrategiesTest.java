package lab.client.requests.contract;

import static org.assertj.core.api.Assertions.assertThat;

import lab.client.requests.strategy.Settings;
import lab.client.requests.virtual.Deadline;
import lab.client.requests.wrong.AbandonsTimedOutSockets;
import lab.client.requests.wrong.ClaimsInputOrderButStreams;
import lab.client.requests.wrong.HandsOnInSubmissionOrder;
import lab.client.requests.wrong.LimitTakenTooLate;
import lab.client.requests.wrong.RetriesEverything;
import lab.client.requests.wrong.TakesTheCapForTheLimit;
import lab.client.requests.wrong.TimesOutWithoutCancelling;
import org.junit.jupiter.api.Test;

/**
 * A contract that passes everything proves nothing: each deliberately wrong strategy must be
 * caught, by the check of the promise it breaks, with a message that names the fault.
 */
class ContractCatchesWrongStrategiesTest {

    @Test
    void aLimitTakenAfterTheCallIsCaughtBy429s() {
        assertThat(new StrategyJudge(LimitTakenTooLate::new).limit())
                .anySatisfy(c -> assertThat(c).contains("were rejected with 429: more than 10 were in flight"));
    }

    @Test
    void resultsInSubmissionOrderAreNotStreaming() {
        assertThat(new StrategyJudge(HandsOnInSubmissionOrder::new).asCompleted())
                .anySatisfy(c -> assertThat(c).contains("handed on the slowest id (2, 600 ms) at position 2 of 10"));
    }

    @Test
    void streamingUnderTheNameOfGatherIsCaughtOutOfOrder() {
        assertThat(new StrategyJudge(ClaimsInputOrderButStreams::new).inputOrder())
                .anySatisfy(c -> assertThat(c).contains("results must come back in input order"));
    }

    @Test
    void takingTheCapForTheLimitIsCaughtBy429s() {
        assertThat(new StrategyJudge(TakesTheCapForTheLimit::new).findsLimit())
                .anySatisfy(c -> assertThat(c).contains("were rejected with 429: once it has found the limit"));
    }

    @Test
    void retryingTheWholeBatchIsCaught() {
        assertThat(new StrategyJudge(RetriesEverything::new).retries())
                .anySatisfy(c -> assertThat(c).contains("ids that had already succeeded were requested again"));
    }

    @Test
    void aTimeoutThatOnlyStopsWaitingIsCaught() {
        assertThat(new StrategyJudge(TimesOutWithoutCancelling::new).cancels())
                .anySatisfy(c -> assertThat(c).contains("still in flight at the server").contains("did not cancel them"));
    }

    @Test
    void aLeanTransportThatLeavesTimedOutSocketsOpenIsCaught() {
        StrategyJudge judge = new StrategyJudge(s -> new Deadline(s.client() == null ? s
                : new Settings(s.client().through(new AbandonsTimedOutSockets(s.client().base())), s.concurrency(),
                        s.timeout(), s.deadline(), s.retries())));
        assertThat(judge.cancels())
                .anySatisfy(c -> assertThat(c).contains("still in flight at the server").contains("did not cancel them"));
    }

    @Test
    void theReferenceStrategiesPassTheSameChecks() {
        // The other side of each check above: the lab's own versions keep the promise, so the
        // checks are not rejecting everything.
        assertThat(new StrategyJudge(s -> new lab.client.requests.virtual.Streaming(s,
                new lab.client.requests.engine.FixedLimit(s.concurrency()))).asCompleted()).isEmpty();
    }
}
