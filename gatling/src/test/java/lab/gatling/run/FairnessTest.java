package lab.gatling.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import lab.server.stats.Percentiles;
import org.junit.jupiter.api.Test;

class FairnessTest {

    private static ClientFigures served(long ok) {
        return new ClientFigures(ok, 0, 0, 0, ok, Percentiles.EMPTY);
    }

    @Test
    void equalSharesScoreOneAndOneTakerScoresOneOverN() {
        assertThat(Fairness.jain(List.of(served(100), served(100), served(100), served(100)))).isCloseTo(1.0, within(1e-12));
        assertThat(Fairness.jain(List.of(served(400), served(0), served(0), served(0)))).isCloseTo(0.25, within(1e-12));
    }

    @Test
    void unevenSharesScoreInBetween() {
        // (1 + 3)^2 / (2 (1 + 9)) = 0.8
        assertThat(Fairness.jain(List.of(served(1), served(3)))).isCloseTo(0.8, within(1e-12));
    }
}
