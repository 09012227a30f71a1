package lab.gatling.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ParamsTest {

    @AfterEach
    void clear() {
        System.clearProperty("lab.test.rates");
        System.clearProperty("lab.test.step");
        System.clearProperty("lab.test.users");
    }

    @Test
    void defaultsApplyAndAreRememberedForTheRawFile() {
        Params params = new Params();
        assertThat(params.duration("lab.test.step", "1500ms")).isEqualTo(Duration.ofMillis(1500));
        assertThat(params.rates("lab.test.rates", "40,80")).containsExactly(40.0, 80.0);
        assertThat(params.used()).containsEntry("lab.test.step", "1500ms").containsEntry("lab.test.rates", "40,80");
    }

    @Test
    void systemPropertiesOverrideTheDefaults() {
        System.setProperty("lab.test.step", "2s");
        System.setProperty("lab.test.users", "20");
        Params params = new Params();
        assertThat(params.duration("lab.test.step", "5s")).isEqualTo(Duration.ofSeconds(2));
        assertThat(params.integer("lab.test.users", 10, 1)).isEqualTo(20);
    }

    /** The durations the simulations and the README give keep working under the one parser. */
    @ParameterizedTest
    @ValueSource(strings = {"1500ms", "3s", "5s", "12s", "15s", "20s", "1m"})
    void theDocumentedDurationsRead(String text) {
        System.setProperty("lab.test.step", text);
        assertThat(new Params().duration("lab.test.step", "5s")).isEqualTo(lab.server.behavior.Durations.parse(text)).isPositive();
    }

    @Test
    void aBadValueIsOneLineNamingThePropertyAndWhatItTakes() {
        System.setProperty("lab.test.rates", "80,40");
        assertThatThrownBy(() -> new Params().rates("lab.test.rates", "40,80"))
                .hasMessage("-Dlab.test.rates=80,40 is not allowed: give rising request rates above 0, comma-separated, such as 40,80,120");
        System.setProperty("lab.test.step", "soon");
        assertThatThrownBy(() -> new Params().duration("lab.test.step", "5s"))
                .hasMessage("-Dlab.test.step=soon is not allowed: give a duration such as 250ms, 2s or 1m");
        for (String drifted : new String[] {"1.5s", "-5ms", "5S"}) { // lab-server's one syntax: whole numbers, lower-case units
            System.setProperty("lab.test.step", drifted);
            assertThatThrownBy(() -> new Params().duration("lab.test.step", "5s"))
                    .hasMessage("-Dlab.test.step=" + drifted + " is not allowed: give a duration such as 250ms, 2s or 1m");
        }
        System.setProperty("lab.test.users", "0");
        assertThatThrownBy(() -> new Params().integer("lab.test.users", 10, 1))
                .hasMessage("-Dlab.test.users=0 is not allowed: give an integer of at least 1");
    }
}
