package lab.report.plot;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TicksTest {

    @Test
    void roundsAxesUpToOneTwoOrFiveTimesAPowerOfTen() {
        assertThat(Ticks.niceCeiling(162.2)).isEqualTo(200.0);
        assertThat(Ticks.niceCeiling(95.0)).isEqualTo(100.0);
        assertThat(Ticks.niceCeiling(43.6)).isEqualTo(50.0);
        assertThat(Ticks.niceCeiling(0.8)).isEqualTo(0.8);
        assertThat(Ticks.of(200.0)).containsExactly(0.0, 50.0, 100.0, 150.0, 200.0);
    }

    @Test
    void labelsArePlainNumbers() {
        assertThat(Ticks.label(40.0)).isEqualTo("40");
        assertThat(Ticks.label(0.30000000000000004)).isEqualTo("0.3");
        assertThat(Ticks.label(1e-7)).isEqualTo("0");
    }
}
