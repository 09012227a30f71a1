package lab.report.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class KneeTest {

    @Test
    void interpolatesBetweenTheLastStepUnderAndTheFirstOver() {
        // 0.5% at 90 rps, 5.5% at 100 rps: 1% is a tenth of the way, at 91 rps.
        var steps = List.of(new Knee.Point(50, 0), new Knee.Point(90, 0.005), new Knee.Point(100, 0.055),
                new Knee.Point(120, 0.2));
        assertThat(Knee.find(steps, 0.01)).hasValueCloseTo(91.0, within(1e-9));
    }

    @Test
    void takesTheFirstCrossingEvenIfALaterStepDipsBack() {
        var steps = List.of(new Knee.Point(80, 0), new Knee.Point(100, 0.02), new Knee.Point(110, 0.005),
                new Knee.Point(120, 0.1));
        assertThat(Knee.find(steps, 0.01)).hasValueCloseTo(90.0, within(1e-9));
    }

    @Test
    void noKneeWhenNoStepPassesTheThreshold() {
        var steps = List.of(new Knee.Point(50, 0), new Knee.Point(100, 0.01));
        assertThat(Knee.find(steps, 0.01)).isEmpty();
    }

    @Test
    void noKneeWhenTheFirstStepIsAlreadyPastIt() {
        var steps = List.of(new Knee.Point(200, 0.3), new Knee.Point(300, 0.5));
        assertThat(Knee.find(steps, 0.01)).isEmpty();
    }
}
