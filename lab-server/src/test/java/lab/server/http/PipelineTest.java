package lab.server.http;

import static lab.server.http.EmbeddedLab.get;
import static lab.server.http.EmbeddedLab.responses;
import static lab.server.http.EmbeddedLab.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.channel.embedded.EmbeddedChannel;
import java.util.ArrayList;
import java.util.List;
import lab.server.stats.Snapshot;
import org.junit.jupiter.api.Test;

/** The whole pipeline, one handler per concern, judged on EmbeddedChannels with virtual time. */
class PipelineTest {

    private final EmbeddedLab lab = new EmbeddedLab(2, "fixed:100ms");

    @Test
    void answersAnItemOnlyAfterItsServiceTime() {
        EmbeddedChannel ch = lab.connect();
        get(ch, "/api/items/a-1?delay_ms=50");
        lab.advance(49);
        assertThat(responses(ch)).isEmpty();
        assertThat(lab.stats().inFlight()).isEqualTo(1);

        lab.advance(1);
        List<EmbeddedLab.Response> answered = responses(ch);
        assertThat(answered).singleElement().satisfies(r -> {
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.header("content-type")).isEqualTo("application/json");
            assertThat(r.body()).isEqualTo("{\"id\":\"a-1\",\"service_ms\":50}");
        });
        Snapshot s = lab.stats();
        assertThat(s.inFlight()).isZero();
        assertThat(s.completed()).isEqualTo(1);
        assertThat(s.serviceMsSum()).isEqualTo(50);
        assertFalse(ch.finishAndReleaseAll());
    }

    /**
     * The rule that makes the limit invisible to a well-behaved client: by the time the first byte
     * of the response reaches the socket, the slot is already free. Released after the write, a
     * client could read the answer and send its next request while the slot still looked taken.
     */
    @Test
    void theSlotIsFreeBeforeTheResponseIsWritten() {
        EmbeddedChannel ch = lab.connect();
        List<Integer> inFlightAtWrite = new ArrayList<>();
        ch.pipeline().addFirst(new ChannelOutboundHandlerAdapter() {
            @Override
            public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
                inFlightAtWrite.add(lab.stats().inFlight());
                ctx.write(msg, promise);
            }
        });
        get(ch, "/api/items/a?delay_ms=5");
        get(ch, "/api/items/b?delay_ms=0&fail=503");
        lab.advance(5);
        assertThat(responses(ch)).hasSize(2);
        assertThat(inFlightAtWrite).isNotEmpty().containsOnly(0);
        assertFalse(ch.finishAndReleaseAll());
    }

    @Test
    void rejectsBeyondLimitWithoutQueueing() {
        EmbeddedChannel first = lab.connect();
        EmbeddedChannel second = lab.connect();
        EmbeddedChannel third = lab.connect();
        get(first, "/api/items/1");
        get(second, "/api/items/2");
        get(third, "/api/items/3");

        EmbeddedLab.Response rejected = responses(third).getFirst(); // no time has passed: answered at once
        assertThat(rejected.status()).isEqualTo(429);
        assertThat(rejected.header("retry-after")).isEqualTo("1");
        assertThat(rejected.body()).contains("\"error\":\"too_many_requests\"", "\"limit\":2", "\"retry_after_ms\":50");
        assertThat(responses(first)).isEmpty();
        assertThat(lab.stats().rejected()).isEqualTo(1);
        assertThat(lab.stats().accepted()).isEqualTo(2);

        lab.advance(100);
        assertThat(responses(first)).extracting(EmbeddedLab.Response::status).containsExactly(200);
        assertThat(responses(second)).extracting(EmbeddedLab.Response::status).containsExactly(200);
        assertFalse(first.finishAndReleaseAll());
        assertFalse(second.finishAndReleaseAll());
        assertFalse(third.finishAndReleaseAll());
    }

    @Test
    void pipelinedRequestsAreAcceptedOneAtATimeAndAnsweredInOrder() {
        EmbeddedChannel ch = lab.connect();
        send(ch, "GET /api/items/slow?delay_ms=100 HTTP/1.1\r\n\r\nGET /api/items/fast?delay_ms=10 HTTP/1.1\r\n\r\n");
        lab.advance(10);
        assertThat(responses(ch)).isEmpty();
        assertThat(lab.stats().accepted()).isEqualTo(1); // the second waits unaccepted, holding no slot

        lab.advance(90);
        assertThat(responses(ch)).extracting(EmbeddedLab.Response::body).containsExactly("{\"id\":\"slow\",\"service_ms\":100}");
        lab.advance(10);
        assertThat(responses(ch)).extracting(EmbeddedLab.Response::body).containsExactly("{\"id\":\"fast\",\"service_ms\":10}");
        assertThat(lab.stats().maxInFlight()).isEqualTo(1);
        assertFalse(ch.finishAndReleaseAll());
    }

    @Test
    void aClientThatClosesFirstGivesItsSlotBack() {
        EmbeddedChannel ch = lab.connect();
        get(ch, "/api/items/x?delay_ms=1000");
        assertThat(lab.stats().inFlight()).isEqualTo(1);
        ch.close();
        Snapshot s = lab.stats();
        assertThat(s.inFlight()).isZero();
        assertThat(s.failed()).isEqualTo(1);
        lab.advance(1000); // the cancelled timer must not answer, nor release twice
        assertThat(lab.stats().failed()).isEqualTo(1);
        assertThat(lab.stats().completed()).isZero();
        assertFalse(ch.finishAndReleaseAll());
    }

    @Test
    void aHangHoldsItsSlotUntilTheClientCloses() {
        EmbeddedChannel ch = lab.connect();
        get(ch, "/api/items/x?fail=hang");
        lab.advance(600_000);
        assertThat(responses(ch)).isEmpty();
        assertThat(lab.stats().inFlight()).isEqualTo(1);
        ch.close();
        assertThat(lab.stats().inFlight()).isZero();
        assertThat(lab.stats().failed()).isEqualTo(1);
        assertFalse(ch.finishAndReleaseAll());
    }

    @Test
    void aResetClosesTheConnectionWithoutAResponse() {
        EmbeddedChannel ch = lab.connect();
        get(ch, "/api/items/x?fail=reset&delay_ms=5");
        lab.advance(5);
        assertThat(ch.isOpen()).isFalse();
        assertThat(responses(ch)).isEmpty();
        assertThat(lab.stats().failed()).isEqualTo(1);
        assertThat(lab.stats().latencyMs().count()).isZero();
        assertFalse(ch.finishAndReleaseAll());
    }

    @Test
    void injectedErrorsAnswer500And503AfterTheirServiceTime() {
        EmbeddedChannel ch = lab.connect();
        get(ch, "/api/items/x?fail=500&delay_ms=0");
        get(ch, "/api/items/y?fail=503&delay_ms=0");
        lab.advance(0);
        assertThat(responses(ch)).extracting(EmbeddedLab.Response::status).containsExactly(500, 503);
        assertThat(lab.stats().failed()).isEqualTo(2);
        assertThat(lab.stats().inFlight()).isZero();
        assertFalse(ch.finishAndReleaseAll());
    }

    @Test
    void labEndpointsAnswerEvenWhenTheLimitIsFull() {
        EmbeddedChannel a = lab.connect();
        EmbeddedChannel b = lab.connect();
        get(a, "/api/items/a?fail=hang");
        get(b, "/api/items/b?fail=hang");
        EmbeddedChannel admin = lab.connect();
        get(admin, "/health");
        get(admin, "/stats");
        get(admin, "/metrics");
        List<EmbeddedLab.Response> answers = responses(admin);
        assertThat(answers).extracting(EmbeddedLab.Response::status).containsExactly(200, 200, 200);
        assertThat(answers.get(1).body()).contains("\"in_flight\":2", "\"limit\":2", "\"accepted\":2");
        assertThat(answers.get(2).body()).contains("lab_in_flight 2\n");
        assertThat(lab.stats().accepted()).isEqualTo(2);
        a.close();
        b.close();
        assertFalse(admin.finishAndReleaseAll());
    }

    @Test
    void aBodyNobodyReadsIsDiscardedAndTheConnectionStaysUsable() {
        EmbeddedChannel ch = lab.connect();
        String body = "x".repeat(100_000);
        send(ch, "POST /stats/reset HTTP/1.1\r\ncontent-length: " + body.length() + "\r\n\r\n" + body);
        send(ch, "GET /api/items/after?delay_ms=0 HTTP/1.1\r\nExpect: 100-continue\r\ncontent-length: 3\r\n\r\n");
        List<EmbeddedLab.Response> interim = responses(ch);
        send(ch, "abc");
        lab.advance(0);
        assertThat(interim).extracting(EmbeddedLab.Response::status).containsExactly(200, 100, 200);
        assertThat(lab.stats().completed()).isEqualTo(1);
        assertFalse(ch.finishAndReleaseAll());
    }

    @Test
    void resetAnswersWithTheClosingWindowAndStartsAfreshOne() {
        EmbeddedChannel ch = lab.connect();
        get(ch, "/api/items/a?delay_ms=0");
        send(ch, "POST /stats/reset HTTP/1.1\r\ncontent-length: 0\r\n\r\n");
        get(ch, "/stats");
        List<EmbeddedLab.Response> answers = responses(ch);
        assertThat(answers).extracting(EmbeddedLab.Response::status).containsExactly(200, 200, 200);
        assertThat(answers.get(1).body()).contains("\"accepted\":1", "\"completed\":1");
        assertThat(answers.get(2).body()).contains("\"accepted\":0", "\"completed\":0");
        assertFalse(ch.finishAndReleaseAll());
    }
}
