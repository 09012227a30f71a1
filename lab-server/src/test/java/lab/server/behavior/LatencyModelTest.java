package lab.server.behavior;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The models are judged on many draws: their quantiles must match what the spec promises. */
class LatencyModelTest {

    private static final int DRAWS = 200_000;

    @Test
    void lognormalHitsTheGivenMedianAndP99() {
        long[] draws = draw(LatencyModel.parse("lognormal:median=50ms,p99=400ms"));
        // 200 000 draws: the sample quantiles sit within a few percent of the true ones.
        assertThat((double) quantile(draws, 0.50)).isCloseTo(50, within(2.0));
        assertThat((double) quantile(draws, 0.99)).isCloseTo(400, within(400 * 0.05));
    }

    @Test
    void lognormalWithMedianEqualToP99IsConstant() {
        long[] draws = draw(LatencyModel.parse("lognormal:median=30ms,p99=30ms"));
        assertThat(draws[0]).isEqualTo(30);
        assertThat(draws[draws.length - 1]).isEqualTo(30);
    }

    @Test
    void uniformCoversItsRangeEvenly() {
        long[] draws = draw(LatencyModel.parse("uniform:20ms..200ms"));
        assertThat(draws[0]).isEqualTo(20);
        assertThat(draws[draws.length - 1]).isEqualTo(200);
        assertThat(Arrays.stream(draws).average().orElseThrow()).isCloseTo(110, within(1.0));
    }

    @Test
    void bimodalSendsTheGivenShareToTheSlowPath() {
        long[] draws = draw(LatencyModel.parse("bimodal:40ms,2s@5%"));
        long slow = Arrays.stream(draws).filter(ms -> ms == 2000).count();
        long fast = Arrays.stream(draws).filter(ms -> ms == 40).count();
        assertThat(slow + fast).isEqualTo(DRAWS);
        assertThat((double) slow / DRAWS).isCloseTo(0.05, within(0.003));
    }

    @Test
    void fixedAlwaysDrawsTheSame() {
        long[] draws = draw(LatencyModel.parse("fixed:0ms"));
        assertThat(draws[0]).isZero();
        assertThat(draws[draws.length - 1]).isZero();
    }

    @Test
    void specsReadBackInCanonicalForm() {
        assertThat(LatencyModel.parse("fixed:100ms").spec()).isEqualTo("fixed:100ms");
        assertThat(LatencyModel.parse("uniform:20ms..200ms").spec()).isEqualTo("uniform:20ms..200ms");
        assertThat(LatencyModel.parse("lognormal:median=50ms,p99=400ms").spec()).isEqualTo("lognormal:median=50ms,p99=400ms");
        assertThat(LatencyModel.parse("bimodal:40ms,2000ms@5%").spec()).isEqualTo("bimodal:40ms,2s@5%");
        assertThat(LatencyModel.parse("bimodal:40ms,2s@0.5%").spec()).isEqualTo("bimodal:40ms,2s@0.5%");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "fixed", "fixed:", "fixed:10", "gaussian:5ms", "uniform:20ms", "uniform:200ms..20ms",
            "lognormal:median=50ms", "lognormal:median=400ms,p99=50ms", "lognormal:median=0ms,p99=5ms",
            "bimodal:40ms,2s", "bimodal:40ms,2s@150%"})
    void rejectsABadSpecNamingTheAllowedShapes(String spec) {
        assertThatThrownBy(() -> LatencyModel.parse(spec))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("bad latency '" + spec + "'")
                .hasMessageContaining("lognormal:median=50ms,p99=400ms");
    }

    private static long[] draw(LatencyModel model) {
        SplittableRandom random = new SplittableRandom(7);
        long[] draws = new long[DRAWS];
        for (int i = 0; i < DRAWS; i++) {
            draws[i] = model.drawMs(random);
        }
        Arrays.sort(draws);
        return draws;
    }

    private static long quantile(long[] sorted, double q) {
        return sorted[(int) Math.ceil(q * sorted.length) - 1];
    }
}
