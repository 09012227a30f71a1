package lab.report.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ErlangBTest {

    @Test
    void oneSlotRefusesTheShareOfTimeItIsBusy() {
        // One slot, a = 1: B = a / (1 + a) = 0.5.
        assertThat(ErlangB.blocking(1, 1.0)).isCloseTo(0.5, within(1e-12));
        assertThat(ErlangB.blocking(1, 3.0)).isCloseTo(0.75, within(1e-12));
    }

    @Test
    void matchesTheClosedFormForTwoSlots() {
        // B(2, a) = (a^2 / 2) / (1 + a + a^2 / 2).
        double a = 1.7;
        assertThat(ErlangB.blocking(2, a)).isCloseTo((a * a / 2) / (1 + a + a * a / 2), within(1e-12));
    }

    @Test
    void tenSlotsRefuseOnePercentAtAboutFourAndAHalfErlangs() {
        // The tables give 4.46 Erlangs for 10 circuits at a grade of service of 1%.
        double a = ErlangB.loadAt(10, 0.01);
        assertThat(a).isCloseTo(4.46, within(0.01));
        assertThat(ErlangB.blocking(10, a)).isCloseTo(0.01, within(1e-9));
    }

    @Test
    void nothingOfferedNothingRefused() {
        assertThat(ErlangB.blocking(10, 0)).isZero();
    }

    @Test
    void refusesNonsense() {
        assertThatThrownBy(() -> ErlangB.blocking(0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ErlangB.loadAt(10, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
