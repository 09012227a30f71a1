package lab.server.behavior;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class BehaviorPlannerTest {

    private static final LatencyModel LOGNORMAL = LatencyModel.parse("lognormal:median=50ms,p99=400ms");

    @Test
    void theSameSeedRepeatsTheSameDraws() {
        BehaviorPlanner a = new BehaviorPlanner(LOGNORMAL, 0.2, 42);
        BehaviorPlanner b = new BehaviorPlanner(LOGNORMAL, 0.2, 42);
        for (long n = 0; n < 10_000; n++) {
            assertThat(b.plan(n, Overrides.NONE)).isEqualTo(a.plan(n, Overrides.NONE));
        }
    }

    @Test
    void anotherSeedDrawsOtherwise() {
        BehaviorPlanner a = new BehaviorPlanner(LOGNORMAL, 0, 42);
        BehaviorPlanner b = new BehaviorPlanner(LOGNORMAL, 0, 43);
        long same = LongStream.range(0, 1_000)
                .filter(n -> a.plan(n, Overrides.NONE).equals(b.plan(n, Overrides.NONE))).count();
        assertThat(same).isLessThan(100); // equal whole-millisecond draws happen, but rarely
    }

    @Test
    void neighbouringRequestsDrawIndependently() {
        BehaviorPlanner planner = new BehaviorPlanner(LatencyModel.parse("uniform:0ms..1000ms"), 0, 42);
        long equalToNext = LongStream.range(0, 10_000)
                .filter(n -> planner.plan(n, Overrides.NONE).serviceMs() == planner.plan(n + 1, Overrides.NONE).serviceMs())
                .count();
        assertThat(equalToNext).isLessThan(50); // 1 in 1001 by chance: about 10
    }

    @Test
    void faultsFollowTheRateAndSplitBetween500And503() {
        BehaviorPlanner planner = new BehaviorPlanner(LOGNORMAL, 0.1, 42);
        int n = 100_000;
        long e500 = 0;
        long e503 = 0;
        for (long i = 0; i < n; i++) {
            Fault f = planner.plan(i, Overrides.NONE).fault();
            e500 += f == Fault.ERROR_500 ? 1 : 0;
            e503 += f == Fault.ERROR_503 ? 1 : 0;
        }
        assertThat((double) (e500 + e503) / n).isCloseTo(0.1, within(0.005));
        assertThat((double) e500 / (e500 + e503)).isCloseTo(0.5, within(0.03));
    }

    @Test
    void aFaultIsNotStuckToARequestSoARetryCanSucceed() {
        BehaviorPlanner planner = new BehaviorPlanner(LOGNORMAL, 0.5, 42);
        long failedThenRetriedOk = LongStream.range(0, 10_000)
                .filter(n -> planner.plan(n, Overrides.NONE).fault() != Fault.NONE)
                .filter(n -> planner.plan(n + 1, Overrides.NONE).fault() == Fault.NONE)
                .count();
        assertThat(failedThenRetriedOk).isGreaterThan(2_000); // about 2 500 of the 5 000 failures
    }

    @Test
    void theFaultRateDoesNotMoveAnyLatency() {
        BehaviorPlanner healthy = new BehaviorPlanner(LOGNORMAL, 0, 42);
        BehaviorPlanner faulty = new BehaviorPlanner(LOGNORMAL, 0.3, 42);
        for (long n = 0; n < 10_000; n++) {
            assertThat(faulty.plan(n, Overrides.NONE).serviceMs()).isEqualTo(healthy.plan(n, Overrides.NONE).serviceMs());
        }
    }

    @Test
    void queryOverridesWinOverTheDraws() {
        BehaviorPlanner planner = new BehaviorPlanner(LOGNORMAL, 1.0, 42);
        Behavior b = planner.plan(0, new Overrides(OptionalLong.of(7), Optional.of(Fault.HANG)));
        assertThat(b).isEqualTo(new Behavior(7, Fault.HANG));
        assertThat(planner.plan(1, new Overrides(OptionalLong.of(3), Optional.empty())).serviceMs()).isEqualTo(3);
    }
}
