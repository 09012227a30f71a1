package lab.server.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The live view's windows, with a hand-driven clock: what each second saw, apart from the run's totals. */
class LedgerWindowTest {

    private long now;
    private final Ledger ledger = new Ledger(3, () -> now);

    @Test
    void aWindowCountsWhatHappenedInItOnly() {
        admit(5).get(0).release(Outcome.ANSWERED_OK); // 3 accepted, 2 rejected, 1 completed
        tick(1000);
        Window first = ledger.closeWindow();
        assertThat(first.counts()).isEqualTo(new Window.Counts(3, 2, 1, 0));
        assertThat(first.elapsedNanos()).isEqualTo(TimeUnit.MILLISECONDS.toNanos(1000));

        admit(1).get(0).release(Outcome.ANSWERED_FAULT);
        tick(500);
        Window second = ledger.closeWindow();
        assertThat(second.counts()).isEqualTo(new Window.Counts(1, 0, 0, 1));
        assertThat(second.sinceReset()).isEqualTo(new Window.Counts(4, 2, 1, 1));
        assertThat(second.elapsedNanos()).isEqualTo(TimeUnit.MILLISECONDS.toNanos(500));
    }

    @Test
    void maxInFlightIsTheMostAtAnyMomentNotASampleAtTheEnd() {
        List<Slot> burst = admit(3);
        burst.forEach(s -> s.release(Outcome.ANSWERED_OK));
        Window w = ledger.closeWindow();
        assertThat(w.inFlight()).isZero();
        assertThat(w.maxInFlight()).isEqualTo(3);
    }

    @Test
    void aWindowOpensWithTheRequestsStillInFlight() {
        admit(2);
        ledger.closeWindow();
        Window quiet = ledger.closeWindow(); // nothing admitted, but two held their slots all along
        assertThat(quiet.maxInFlight()).isEqualTo(2);
        assertThat(quiet.inFlight()).isEqualTo(2);
        assertThat(quiet.counts()).isEqualTo(new Window.Counts(0, 0, 0, 0));
    }

    @Test
    void percentilesArePerWindowNotOfTheWholeRun() {
        answerAfter(100, 10);
        Window slow = ledger.closeWindow();
        answerAfter(5, 10);
        Window fast = ledger.closeWindow();
        assertThat(slow.latencyMs().p99()).isCloseTo(100.0, within(0.1)); // 3 significant digits
        assertThat(fast.latencyMs().p99()).isCloseTo(5.0, within(0.01));
        assertThat(fast.latencyMs().count()).isEqualTo(10);
        assertThat(ledger.snapshot().latencyMs().p99()).isCloseTo(100.0, within(0.1)); // the run's histogram has both
    }

    @Test
    void statsReadsAndResetsInTheMiddleOfAWindowLoseNothingFromIt() {
        answerAfter(20, 4);
        ledger.snapshot(); // /stats drains the recorder; the window must still get those samples
        admit(4); // 3 in, 1 rejected
        ledger.reset();
        Window w = ledger.closeWindow();
        assertThat(w.latencyMs().count()).isEqualTo(4);
        assertThat(w.counts()).isEqualTo(new Window.Counts(7, 1, 4, 0));
        assertThat(w.sinceReset().rejected()).isZero();
    }

    private void answerAfter(long ms, int n) {
        for (int i = 0; i < n; i++) {
            Slot s = ledger.tryAdmit();
            tick(ms);
            s.release(Outcome.ANSWERED_OK);
        }
    }

    private List<Slot> admit(int n) {
        List<Slot> slots = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Slot s = ledger.tryAdmit();
            if (s != null) {
                slots.add(s);
            }
        }
        return slots;
    }

    private void tick(long ms) {
        now += TimeUnit.MILLISECONDS.toNanos(ms);
    }
}
