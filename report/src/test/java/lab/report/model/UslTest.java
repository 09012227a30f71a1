package lab.report.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class UslTest {

    @Test
    void recoversTheCoefficientsOfCurveItWasDrawnFrom() {
        Usl truth = new Usl(100, 0.05, 0.002);
        List<Usl.Point> points = new ArrayList<>();
        for (int n = 1; n <= 32; n *= 2) {
            points.add(new Usl.Point(n, truth.throughput(n)));
        }
        Usl fit = Usl.fit(points);
        assertThat(fit.sigma()).isCloseTo(0.05, within(1e-9));
        assertThat(fit.kappa()).isCloseTo(0.002, within(1e-9));
        assertThat(fit.peakWorkers()).isCloseTo(Math.sqrt(0.95 / 0.002), within(1e-6));
    }

    @Test
    void aCurveThatLevelsOffAtTheCoresPeaksNearThem() {
        // Two cores, four workers: the rate doubles, then stays. σ fitted negative is clamped to 0
        // and κ refitted alone; the fitted peak lies between the cores and the last count measured.
        List<Usl.Point> points = List.of(new Usl.Point(1, 100), new Usl.Point(2, 199), new Usl.Point(3, 199),
                new Usl.Point(4, 198));
        Usl fit = Usl.fit(points);
        assertThat(fit.sigma()).isZero();
        assertThat(fit.kappa()).isPositive();
        assertThat(fit.peakWorkers()).isBetween(2.0, 4.0);
    }

    @Test
    void needsTheOneWorkerRate() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Usl.fit(List.of(new Usl.Point(2, 10))))
                .hasMessageContaining("one-worker");
    }
}
