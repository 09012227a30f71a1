package lab.server.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Many threads racing for few slots: the limit must hold exactly and every figure must add up. */
class LedgerConcurrencyTest {

    @Test
    void theLimitIsNeverOvershotUnderContention() throws Exception {
        int limit = 4;
        int threads = 8;
        int attemptsEach = 20_000;
        Ledger ledger = new Ledger(limit, System::nanoTime);
        AtomicInteger holders = new AtomicInteger();
        AtomicInteger worst = new AtomicInteger();
        CyclicBarrier start = new CyclicBarrier(threads);
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            workers.add(Thread.ofPlatform().start(() -> {
                await(start);
                for (int i = 0; i < attemptsEach; i++) {
                    Slot slot = ledger.tryAdmit();
                    if (slot != null) {
                        worst.accumulateAndGet(holders.incrementAndGet(), Math::max);
                        holders.decrementAndGet();
                        slot.release(i % 7 == 0 ? Outcome.UNANSWERED : Outcome.ANSWERED_OK);
                    }
                }
            }));
        }
        for (Thread w : workers) {
            w.join();
        }
        Snapshot s = ledger.snapshot();
        assertThat(worst.get()).isLessThanOrEqualTo(limit);
        assertThat(s.maxInFlight()).isLessThanOrEqualTo(limit);
        assertThat(s.inFlight()).isZero();
        assertThat(s.accepted() + s.rejected()).isEqualTo((long) threads * attemptsEach);
        assertThat(s.accepted()).isEqualTo(s.completed() + s.failed());
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
