package lab.server.behavior;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DurationsTest {

    @Test
    void readsMillisecondsSecondsAndMinutes() {
        assertThat(Durations.parse("250ms")).isEqualTo(Duration.ofMillis(250));
        assertThat(Durations.parse("2s")).isEqualTo(Duration.ofSeconds(2));
        assertThat(Durations.parse("1m")).isEqualTo(Duration.ofMinutes(1));
        assertThat(Durations.parse("0ms")).isEqualTo(Duration.ZERO);
    }

    @Test
    void writesTheShortestExactForm() {
        assertThat(Durations.format(Duration.ofMillis(120_000))).isEqualTo("2m");
        assertThat(Durations.format(Duration.ofMillis(2_000))).isEqualTo("2s");
        assertThat(Durations.format(Duration.ofMillis(1_500))).isEqualTo("1500ms");
        assertThat(Durations.format(Duration.ZERO)).isEqualTo("0ms");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "5", "5x", "-5ms", "1.5s", "ms", "5 ms s"})
    void rejectsAnythingElseSayingHowToWriteIt(String text) {
        assertThatThrownBy(() -> Durations.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("250ms, 2s or 1m");
    }
}
