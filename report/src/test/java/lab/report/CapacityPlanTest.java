package lab.report;

import static org.assertj.core.api.Assertions.assertThat;

import lab.report.model.ErlangB;
import org.junit.jupiter.api.Test;

class CapacityPlanTest {

    @Test
    void theLimitFoundIsTheSmallestThatKeepsRefusalsWithinTheBudget() {
        for (double erlangs : new double[] {0.5, 4.46, 10, 37.5, 250}) {
            int c = CapacityPlan.limitFor(erlangs, 0.01);
            assertThat(ErlangB.blocking(c, erlangs)).isLessThanOrEqualTo(0.01);
            if (c > 1) {
                assertThat(ErlangB.blocking(c - 1, erlangs)).isGreaterThan(0.01);
            }
        }
    }

    @Test
    void randomSpreadNeedsMoreServersThanOnePooledLimit() {
        // 50 Erlangs (1000 rps at 50 ms): one pool needs a limit of 64; random spread over servers
        // of 10 needs more than 7 of them, because an idle slot on one cannot take another's arrival.
        double a = 50;
        int pooled = CapacityPlan.limitFor(a, 0.01);
        int spread = CapacityPlan.serversFor(a, 0.01);
        assertThat(pooled).isEqualTo(64);
        assertThat(spread * CapacityPlan.LIMIT).isGreaterThan(pooled);
        assertThat(ErlangB.blocking(CapacityPlan.LIMIT, a / spread)).isLessThanOrEqualTo(0.01);
        assertThat(ErlangB.blocking(CapacityPlan.LIMIT, a / (spread - 1))).isGreaterThan(0.01);
    }
}
