package lab.server.script;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import java.util.OptionalLong;
import lab.server.behavior.Fault;
import lab.server.behavior.Overrides;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class FateTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "delay:600ms            | 600 | none | delay:600ms",
            "delay:2s               | 2000| none | delay:2s",
            "fail:hang              |     | hang | fail:hang",
            "delay:50ms,fail:500    | 50  | 500  | delay:50ms,fail:500",
            "fail:503, delay:0ms    | 0   | 503  | delay:0ms,fail:503",
    })
    void readsEachFormAndWritesItBack(String text, Long delay, String fault, String spec) {
        Fate fate = Fate.parse(text);
        assertThat(fate.overrides().delayMs()).isEqualTo(delay == null ? OptionalLong.empty() : OptionalLong.of(delay));
        assertThat(fate.overrides().fault()).isEqualTo(Fault.ofWord(fault));
        assertThat(fate.spec()).isEqualTo(spec);
        assertThat(Fate.parse(fate.spec())).isEqualTo(fate);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "delay", "delay:600", "delay:11m", "fail:404", "slow:1s", "delay:1ms,delay:2ms", "fail:500,"})
    void aBadFateSaysWhatIsAllowed(String text) {
        assertThatThrownBy(() -> Fate.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bad fate '" + text + "'").hasMessageContaining("delay:D").hasMessageContaining("fail:500|503|reset|hang");
    }

    @Test
    void theQueryWinsPartByPart() {
        Script script = new Script().put("7=delay:600ms,fail:500");
        Overrides query = new Overrides(OptionalLong.empty(), Optional.of(Fault.HANG));
        assertThat(script.overridesFor("7", query)).isEqualTo(new Overrides(OptionalLong.of(600), Optional.of(Fault.HANG)));
        assertThat(script.overridesFor("8", query)).isEqualTo(query);
        assertThat(script.overridesFor("7", Overrides.NONE)).isEqualTo(Fate.parse("delay:600ms,fail:500").overrides());
    }

    @ParameterizedTest
    @ValueSource(strings = {"7", "=delay:1ms", "bad.id=delay:1ms", "7=delay"})
    void aBadEntryIsRefused(String entry) {
        assertThatThrownBy(() -> new Script().put(entry)).isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("bad ");
    }
}
