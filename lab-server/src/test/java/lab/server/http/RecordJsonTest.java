package lab.server.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import lab.server.stats.Percentiles;
import lab.server.stats.ServerStats;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * RecordJson writes the bytes {@link Json#MAPPER} writes and reads what it reads, or refuses; the
 * strict reading's messages are ServerStatsTest's, which reads {@code /stats} through it.
 */
class RecordJsonTest {

    private static final ServerStats STATS = new ServerStats(10, 1, 7, 120, 3, 110, 9, 6000, 400,
            new Percentiles(50.1, 90.2, 99.3, 1.0E-4, 4.0E9, 119, 52.25), 4, 2,
            new ServerDescription(10, "uniform:20ms..80ms \"quoted\" \u00e9", 0.1, -42, "nio", 1));

    enum Kind { FAST, SLOW }

    record Mixed(String name, Integer maybe, long big, boolean on, Kind kind, List<Integer> ids, Map<String, Double> byName,
                 @JsonInclude(JsonInclude.Include.NON_NULL) String note) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Sparse(String a, String b) {
    }

    record Renamed(@JsonProperty("other") String name) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Lenient(long id) {
    }

    @Test
    void writesTheMapper_sBytes() throws Exception {
        Map<String, Double> byName = new LinkedHashMap<>();
        byName.put("firstKey", 1.5);
        byName.put("x", null);
        Object[] values = {
            STATS,
            new Mixed("n", null, Long.MAX_VALUE, true, Kind.SLOW, List.of(1, 2), byName, null),
            new Mixed("", 3, -1, false, Kind.FAST, List.of(), Map.of(), "a note"),
            new Sparse(null, "b"),
        };
        for (Object v : values) {
            assertThat(RecordJson.writer().line((Record) v)).isEqualTo(Json.MAPPER.writeValueAsString(v));
        }
    }

    @Test
    void leavesOutWhatItIsToldTo() {
        assertThat(RecordJson.writer().leaving(Percentiles.class, "count", "mean").line(STATS))
                .contains("\"latency_ms\":{\"p50\":50.1,\"p90\":90.2,\"p99\":99.3,\"p999\":1.0E-4,\"max\":4.0E9}");
    }

    @Test
    void readsWhatTheMapperWrites() throws Exception {
        assertThat(RecordJson.read(Json.MAPPER.writeValueAsString(STATS), ServerStats.class)).isEqualTo(STATS);
        assertThat(RecordJson.read("{\"id\":7,\"name\":\"a run\",\"started\":[1,{\"x\":2}]}", Lenient.class)).isEqualTo(new Lenient(7));
    }

    @Test
    void refusesWhatItDoesNotFollow() {
        assertThatThrownBy(() -> RecordJson.writer().line(new Renamed("x")))
                .hasMessageContaining("does not follow @JsonProperty").hasMessageContaining("Json.MAPPER");
        assertThatThrownBy(() -> RecordJson.read("{\"id\":\"seven\"}", Lenient.class)).hasMessage("field id is not long: seven");
        assertThatThrownBy(() -> RecordJson.read("{\"id\":1} {}", Lenient.class)).hasMessage("more after the object");
        assertThatThrownBy(() -> RecordJson.read("{\"id\":", Lenient.class)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RecordJson.read("[1]", Lenient.class)).hasMessageStartingWith("the answer is not an object");
    }

    @ParameterizedTest
    @ValueSource(strings = {"inFlight", "p999", "tMs", "clientAllocKbPerRequest", "firstWaveFastestServiceMs", "URLValue",
        "aBC", "_private", "x_y", "a1B2", "serviceMsSum"})
    void namesAreJackson_sSnakeCase(String name) {
        assertThat(RecordJson.snakeCase(name))
                .isEqualTo(((PropertyNamingStrategies.NamingBase) PropertyNamingStrategies.SNAKE_CASE).translate(name));
    }
}
