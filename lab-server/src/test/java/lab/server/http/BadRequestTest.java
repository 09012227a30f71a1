package lab.server.http;

import static lab.server.http.EmbeddedLab.get;
import static lab.server.http.EmbeddedLab.responses;
import static lab.server.http.EmbeddedLab.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.netty.channel.embedded.EmbeddedChannel;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Whatever a client sends wrong gets its status code, never a crash and never a slot. */
class BadRequestTest {

    private final EmbeddedLab lab = new EmbeddedLab(10, "fixed:10ms");

    @AfterEach
    void noSlotWasTaken() {
        assertThat(lab.stats().accepted()).isZero();
        assertThat(lab.stats().inFlight()).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"HELLO\r\n\r\n", "GET /api/items/x HTTP/9.9\r\n\r\n", "GET /api/items/x FTP/1.1\r\n\r\n",
            "GET\r\n\r\n", "GET /api/items/x HTTP/1.1 extra\r\n\r\n"})
    void aMalformedRequestLineGets400AndTheConnectionCloses(String raw) {
        assertThat(refusedAndClosed(raw, 400).body()).contains("\"error\":\"bad_request\"");
    }

    @Test
    void headersOver8KiBGet431() {
        refusedAndClosed("GET /api/items/x HTTP/1.1\r\nX-Big: " + "a".repeat(9000) + "\r\n\r\n", 431);
    }

    @Test
    void aRequestLineOver4KiBGets414() {
        refusedAndClosed("GET /api/items/x?pad=" + "a".repeat(5000) + " HTTP/1.1\r\n\r\n", 414);
    }

    /** Sends {@code raw} on a new connection: one response with {@code status}, then the server closes. */
    private EmbeddedLab.Response refusedAndClosed(String raw, int status) {
        EmbeddedChannel ch = lab.connect();
        send(ch, raw);
        List<EmbeddedLab.Response> answers = responses(ch);
        assertThat(answers).extracting(EmbeddedLab.Response::status).containsExactly(status);
        assertThat(ch.isOpen()).as("a stream that cannot be parsed is closed").isFalse();
        assertFalse(ch.finishAndReleaseAll());
        return answers.getFirst();
    }

    @ParameterizedTest
    @CsvSource({
            "GET, /nope, 404",
            "GET, /api/items, 404",
            "GET, /api/items/, 400",
            "GET, /api/items/a.b, 400",
            "GET, /api/items/a/b, 400",
            "GET, /api/items/" + "x" + "0123456789012345678901234567890123456789012345678901234567890123, 400",
            "GET, /api/items/x?delay_ms=-1, 400",
            "GET, /api/items/x?delay_ms=soon, 400",
            "GET, /api/items/x?delay_ms=600001, 400",
            "GET, /api/items/x?fail=404, 400",
            "GET, /api/%tems/x, 400",
            "GET, /api/items/x%, 400",
            "GET, /api/items/x?delay_ms=%zz, 400",
            "GET, /health%1, 400",
            "POST, /api/items/x, 405",
            "GET, /stats/reset, 405",
            "DELETE, /stats, 405",
    })
    void aBadTargetGetsItsCodeAndTheConnectionStaysUsable(String method, String target, int status) {
        EmbeddedChannel ch = lab.connect();
        send(ch, method + " " + target + " HTTP/1.1\r\ncontent-length: 0\r\n\r\n");
        get(ch, "/health");
        assertThat(responses(ch)).extracting(EmbeddedLab.Response::status).containsExactly(status, 200);
        assertFalse(ch.finishAndReleaseAll());
    }
}
