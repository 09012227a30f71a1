package lab.server.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The ledger with a hand-driven clock: admissions, releases and latencies without any waiting. */
class LedgerTest {

    private long now;
    private final Ledger ledger = new Ledger(3, () -> now);

    @Test
    void admitsUpToTheLimitAndRejectsTheRest() {
        List<Slot> slots = admit(5);
        assertThat(slots).hasSize(3);
        Snapshot s = ledger.snapshot();
        assertThat(s.inFlight()).isEqualTo(3);
        assertThat(s.accepted()).isEqualTo(3);
        assertThat(s.rejected()).isEqualTo(2);
        assertThat(s.maxInFlight()).isEqualTo(3);
    }

    @Test
    void aReleasedSlotCanBeTakenAgain() {
        List<Slot> slots = admit(3);
        slots.get(0).release(Outcome.ANSWERED_OK);
        assertThat(ledger.tryAdmit()).isNotNull();
        assertThat(ledger.tryAdmit()).isNull();
    }

    @Test
    void acceptedIsAlwaysCompletedPlusFailedPlusInFlight() {
        List<Slot> slots = admit(3);
        slots.get(0).release(Outcome.ANSWERED_OK);
        slots.get(1).release(Outcome.ANSWERED_FAULT);
        admit(1).get(0).release(Outcome.UNANSWERED);
        Snapshot s = ledger.snapshot();
        assertThat(s.accepted()).isEqualTo(4);
        assertThat(s.completed()).isEqualTo(1);
        assertThat(s.failed()).isEqualTo(2);
        assertThat(s.inFlight()).isEqualTo(1);
        assertThat(s.accepted()).isEqualTo(s.completed() + s.failed() + s.inFlight());
    }

    @Test
    void aSecondReleaseOfTheSameSlotIsIgnored() {
        Slot slot = admit(1).get(0);
        slot.release(Outcome.ANSWERED_OK);
        slot.release(Outcome.UNANSWERED); // the client's close arriving after the answer
        Snapshot s = ledger.snapshot();
        assertThat(s.inFlight()).isZero();
        assertThat(s.completed()).isEqualTo(1);
        assertThat(s.failed()).isZero();
    }

    @Test
    void latencyRunsFromAdmissionToReleaseForAnsweredRequestsOnly() {
        Slot fast = admit(1).get(0);
        Slot slow = admit(1).get(0);
        Slot dropped = admit(1).get(0);
        now += TimeUnit.MILLISECONDS.toNanos(50);
        fast.release(Outcome.ANSWERED_OK);
        now += TimeUnit.MILLISECONDS.toNanos(150);
        slow.release(Outcome.ANSWERED_FAULT);
        dropped.release(Outcome.UNANSWERED);
        Percentiles l = ledger.snapshot().latencyMs();
        assertThat(l.count()).isEqualTo(2);
        assertThat(l.p50()).isEqualTo(50.0, org.assertj.core.api.Assertions.within(0.05));
        assertThat(l.max()).isEqualTo(200.0, org.assertj.core.api.Assertions.within(0.2));
    }

    @Test
    void serviceTimesAddUp() {
        List<Slot> slots = admit(3);
        slots.get(0).charge(40);
        slots.get(1).charge(2000);
        slots.get(2).charge(0);
        Snapshot s = ledger.snapshot();
        assertThat(s.serviceMsSum()).isEqualTo(2040);
        assertThat(s.serviceMsMax()).isEqualTo(2000);
    }

    @Test
    void sequenceNumbersCountAcceptancesNotRejections() {
        List<Slot> slots = admit(4);
        assertThat(slots).extracting(Slot::sequence).containsExactly(0L, 1L, 2L);
        slots.get(0).release(Outcome.ANSWERED_OK);
        assertThat(ledger.tryAdmit().sequence()).isEqualTo(3);
    }

    @Test
    void resetZeroesTheFiguresButCarriesRequestsStillInFlight() {
        List<Slot> slots = admit(4); // the fourth is rejected
        slots.get(0).charge(100);
        slots.get(0).release(Outcome.ANSWERED_OK);
        ledger.reset();

        Snapshot s = ledger.snapshot();
        assertThat(s.inFlight()).isEqualTo(2);
        assertThat(s.accepted()).isEqualTo(2);
        assertThat(s.completed()).isZero();
        assertThat(s.rejected()).isZero();
        assertThat(s.serviceMsSum()).isZero();
        assertThat(s.latencyMs().count()).isZero();

        slots.get(1).release(Outcome.ANSWERED_OK);
        slots.get(2).release(Outcome.UNANSWERED);
        s = ledger.snapshot();
        assertThat(s.accepted()).isEqualTo(s.completed() + s.failed() + s.inFlight());
    }

    @Test
    void resetOfAnIdleLedgerRewindsTheSequenceForARepeatableRun() {
        admit(2).forEach(slot -> slot.release(Outcome.ANSWERED_OK));
        ledger.reset();
        assertThat(ledger.tryAdmit().sequence()).isZero();
    }

    @Test
    void aResetThatRunsOnKeepsTheSequenceGoingForTheNextWindowOfTheSameLoad() {
        admit(2).forEach(slot -> slot.release(Outcome.ANSWERED_OK));
        Snapshot closing = ledger.snapshotAndReset(Ledger.Rewind.RUN_ON);
        assertThat(closing.completed()).isEqualTo(2);
        assertThat(ledger.tryAdmit().sequence()).isEqualTo(2);
        assertThat(ledger.snapshot().accepted()).isEqualTo(1);
    }

    private List<Slot> admit(int attempts) {
        List<Slot> admitted = new ArrayList<>();
        for (int i = 0; i < attempts; i++) {
            Slot slot = ledger.tryAdmit();
            if (slot != null) {
                admitted.add(slot);
            }
        }
        return admitted;
    }
}
