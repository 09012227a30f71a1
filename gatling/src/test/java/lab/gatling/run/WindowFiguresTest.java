package lab.gatling.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import lab.server.stats.Percentiles;
import lab.server.stats.Snapshot;
import org.junit.jupiter.api.Test;

class WindowFiguresTest {

    @Test
    void requestsCarriedIntoTheWindowAreNotArrivals() {
        // 4 s window; the reset carried 10 requests in flight into it as accepted, without their service time.
        Snapshot s = new Snapshot(10, 10, 10, 410, 40, 400, 0, 40_000, 100, Percentiles.EMPTY);
        WindowFigures w = new WindowFigures("100 rps", 100, 4000, 10, s, Map.of());
        assertThat(w.acceptedArrivals()).isEqualTo(400);
        assertThat(w.offeredRps()).isCloseTo(110.0, within(1e-9));
        assertThat(w.acceptedRps()).isCloseTo(100.0, within(1e-9));
        assertThat(w.rejectedFraction()).isCloseTo(40.0 / 440, within(1e-12));
        assertThat(w.meanServiceMs()).isCloseTo(100.0, within(1e-9));
        assertThat(w.littleBoundRps()).isCloseTo(100.0, within(1e-9));
    }

    @Test
    void anEmptyWindowHasNoRatesAndNoBound() {
        Snapshot s = new Snapshot(10, 0, 0, 0, 0, 0, 0, 0, 0, Percentiles.EMPTY);
        WindowFigures w = new WindowFigures("idle", 0, 1000, 0, s, Map.of());
        assertThat(w.rejectedFraction()).isZero();
        assertThat(w.littleBoundRps()).isZero();
    }
}
