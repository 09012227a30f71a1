package lab.server.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import lab.server.http.Json;
import lab.server.http.ServerDescription;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The {@code /stats} record is read strictly: what does not fit is an error naming the field, never a 0. */
class ServerStatsTest {

    private static final ServerStats STATS = new ServerStats(10, 1, 7, 120, 3, 110, 9, 6000, 400,
            new Percentiles(50.1, 90.2, 99.3, 99.9, 400.5, 119, 52.25), 4, 2,
            new ServerDescription(10, "fixed:50ms", 0.1, 42, "nio", 1));

    private static String body() throws Exception {
        return Json.MAPPER.writeValueAsString(STATS);
    }

    @Test
    void readsWhatTheServerWrites() throws Exception {
        assertThat(ServerStats.parse(body())).isEqualTo(STATS);
        assertThat(STATS.figures()).isEqualTo(new Snapshot(10, 1, 7, 120, 3, 110, 9, 6000, 400, STATS.latencyMs()));
        assertThat(STATS.boundMs()).isEqualTo(600.0);
    }

    @ParameterizedTest
    @CsvSource({
        "in_flight,           inflight,  missing field in_flight",
        "p99,                 p99_ms,    missing field latency_ms.p99",
        "connections_refused, refused,   missing field connections_refused",
        "io_threads,          threads,   missing field server.io_threads",
    })
    void aRenamedFieldIsAnErrorNamingIt(String from, String to, String message) throws Exception {
        String renamed = body().replace('"' + from + '"', '"' + to + '"');
        assertThatThrownBy(() -> ServerStats.parse(renamed))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("not a /stats answer: " + message);
    }

    @ParameterizedTest
    @CsvSource({
        "'\"max_in_flight\":7,', missing field max_in_flight",
        "',\"mean\":52.25',      missing field latency_ms.mean",
        "',\"seed\":42',         missing field server.seed",
    })
    void aMissingFieldIsAnErrorNamingIt(String cut, String message) throws Exception {
        String body = body();
        String without = body.replace(cut, "");
        assertThat(without).as("the cut happened").isNotEqualTo(body);
        assertThatThrownBy(() -> ServerStats.parse(without))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("not a /stats answer: " + message);
    }

    @ParameterizedTest
    @CsvSource({
        "'{\"limit\":',        '{\"queued\":0,\"limit\":',     unknown field queued",
        "'{\"p50\":',          '{\"p75\":60.0,\"p50\":',       unknown field latency_ms.p75",
        "'{\"limit\":10,\"latency\"', '{\"limit\":10,\"host\":\"x\",\"latency\"', unknown field server.host",
    })
    void anUnknownFieldIsAnErrorNamingIt(String from, String to, String message) throws Exception {
        String added = body().replaceFirst(java.util.regex.Pattern.quote(from), java.util.regex.Matcher.quoteReplacement(to));
        assertThat(added).isNotEqualTo(body());
        assertThatThrownBy(() -> ServerStats.parse(added))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("not a /stats answer: " + message);
    }

    @Test
    void aNullFieldIsAnErrorToo() throws Exception {
        String nulled = body().replace("\"latency\":\"fixed:50ms\"", "\"latency\":null");
        assertThatThrownBy(() -> ServerStats.parse(nulled)).hasMessageStartingWith("not a /stats answer: null field")
                .hasMessageContaining("latency");
    }
}
