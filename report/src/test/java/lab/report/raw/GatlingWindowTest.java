package lab.report.raw;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A Gatling window's server block is lab-server's /stats figures, read strictly. */
class GatlingWindowTest {

    private static final String LINE = "{\"kind\":\"window\",\"label\":\"60 rps\",\"nominal_rps\":60.0,\"window_ms\":3259,"
            + "\"carried_in\":6,\"server\":{\"limit\":10,\"in_flight\":6,\"max_in_flight\":8,\"accepted\":205,\"rejected\":0,"
            + "\"completed\":199,\"failed\":0,\"service_ms_sum\":19900,\"service_ms_max\":100,\"latency_ms\":{\"p50\":100.159,"
            + "\"p90\":100.415,\"p99\":108.415,\"p999\":113.791,\"max\":113.791,\"count\":199,\"mean\":100.335}},\"clients\":{}}";

    private static GatlingWindow read(String line) throws Exception {
        return GatlingWindow.of(new ObjectMapper().readTree(line));
    }

    @Test
    void readsAWindowAsTheSimulationsWriteIt() throws Exception {
        GatlingWindow w = read(LINE);
        assertThat(w.acceptedArrivals()).isEqualTo(199);
        assertThat(w.p99()).isEqualTo(108.415);
        assertThat(w.limit()).isEqualTo(10);
    }

    @ParameterizedTest
    @CsvSource({
        "'\"accepted\":205,',   '',                    missing field server.accepted",
        "'\"mean\":',           '\"average\":',        missing field server.latency_ms.mean",
        "'\"service_ms_sum\":', '\"service_sum_ms\":', missing field server.service_ms_sum",
        "'\"limit\":10,',       '\"limit\":10,\"queued\":0,', unknown field server.queued",
        "'\"p50\":',            '\"p75\":1,\"p50\":',  unknown field server.latency_ms.p75",
        "'\"carried_in\":6,',   '',                    missing field window.carried_in",
    })
    void aMissingOrRenamedFieldIsAnErrorNamingIt(String from, String to, String message) {
        String line = LINE.replace(from, to);
        assertThat(line).isNotEqualTo(LINE);
        assertThatThrownBy(() -> read(line)).isInstanceOf(IllegalArgumentException.class).hasMessage(message);
    }
}
