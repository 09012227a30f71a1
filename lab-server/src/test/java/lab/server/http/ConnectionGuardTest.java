package lab.server.http;

import static lab.server.http.EmbeddedLab.get;
import static lab.server.http.EmbeddedLab.responses;
import static lab.server.http.EmbeddedLab.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.netty.channel.embedded.EmbeddedChannel;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import lab.server.connections.ConnectionPolicy;
import org.junit.jupiter.api.Test;

/**
 * The connection guard on the real pipeline with virtual time: to the millisecond, which clock runs
 * when, and what a drain does to each kind of connection. Time moves a millisecond at a time, as it
 * would on a live server, so that timers that re-arm themselves fire when they would there.
 */
class ConnectionGuardTest {

    private static final ConnectionPolicy POLICY = ConnectionPolicy.defaults()
            .withHeaderTimeout(Duration.ofMillis(200)).withIdleTimeout(Duration.ofMillis(500)).withMaxConnections(3);

    private final EmbeddedLab lab = new EmbeddedLab(2, "fixed:1ms", POLICY);

    private void tick(int ms) {
        for (int i = 0; i < ms; i++) {
            lab.advance(1);
        }
    }

    @Test
    void aHalfSentHeadGets408AtTheHeaderTimeoutAndIsClosed() {
        EmbeddedChannel ch = lab.connect();
        send(ch, "GET /api/items/a HTTP/1.1\r\nHost: lab\r\n");
        tick(199);
        assertThat(responses(ch)).isEmpty();
        assertThat(ch.isOpen()).isTrue();

        tick(1);
        assertThat(responses(ch)).singleElement().satisfies(r -> {
            assertThat(r.status()).isEqualTo(408);
            assertThat(r.header("connection")).isEqualTo("close");
            assertThat(r.body()).contains("request_timeout", "200 ms");
        });
        assertThat(ch.isOpen()).isFalse();
        assertThat(lab.stats().accepted()).isZero();
        assertFalse(ch.finishAndReleaseAll());
    }

    @Test
    void aSilentNewConnectionIsOnTheHeadsClockFromItsOpening() {
        EmbeddedChannel ch = lab.connect();
        tick(200);
        assertThat(responses(ch)).extracting(EmbeddedLab.Response::status).containsExactly(408);
        assertThat(ch.isOpen()).isFalse();
        assertFalse(ch.finishAndReleaseAll());
    }

    /** The slowloris: a byte just often enough would restart an idle timer for ever; a deadline ignores it. */
    @Test
    void tricklingBytesDoNotMoveTheDeadline() {
        EmbeddedChannel ch = lab.connect();
        for (String piece : new String[] {"G", "ET /api", "/items/a HT", "TP/1.1\r\n"}) {
            send(ch, piece);
            tick(49);
        }
        assertThat(ch.isOpen()).isTrue();
        send(ch, "Host: l");
        tick(4);
        assertThat(responses(ch)).extracting(EmbeddedLab.Response::status).containsExactly(408);
        assertFalse(ch.finishAndReleaseAll());
    }

    @Test
    void aSilentKeepAliveIsClosedAtTheIdleTimeoutWithNo408() {
        EmbeddedChannel ch = lab.connect();
        get(ch, "/health");
        assertThat(responses(ch)).extracting(EmbeddedLab.Response::status).containsExactly(200);
        tick(499); // well past the 200 ms header timeout: an idle connection is not on the head's clock
        assertThat(ch.isOpen()).isTrue();

        tick(1);
        assertThat(ch.isOpen()).isFalse();
        assertThat(responses(ch)).isEmpty();
        assertFalse(ch.finishAndReleaseAll());
    }

    @Test
    void theFirstBytesAfterAnAnswerStartTheHeadsClock() {
        EmbeddedChannel ch = lab.connect();
        get(ch, "/api/items/a");
        tick(1);
        assertThat(responses(ch)).extracting(EmbeddedLab.Response::status).containsExactly(200);
        tick(400);
        send(ch, "GET /api/it");
        tick(199);
        assertThat(ch.isOpen()).isTrue();
        tick(1);
        assertThat(responses(ch)).extracting(EmbeddedLab.Response::status).containsExactly(408);
        assertFalse(ch.finishAndReleaseAll());
    }

    @Test
    void keepAliveRequestsWellWithinBothTimeoutsAreServedForAsLongAsTheyCome() {
        EmbeddedChannel ch = lab.connect();
        for (int i = 0; i < 20; i++) { // 20 x 401 ms: far past both timeouts in total
            get(ch, "/api/items/k" + i);
            tick(1);
            assertThat(responses(ch)).extracting(EmbeddedLab.Response::status).containsExactly(200);
            tick(400);
        }
        assertThat(ch.isOpen()).isTrue();
        assertFalse(ch.finishAndReleaseAll());
    }

    @Test
    void aSlowAnswerIsCutOffByNeitherTimeoutAndTheIdleClockStartsAtTheAnswer() {
        EmbeddedChannel ch = lab.connect();
        get(ch, "/api/items/slow?delay_ms=1000");
        tick(999);
        assertThat(responses(ch)).isEmpty();
        assertThat(ch.isOpen()).isTrue();
        tick(1);
        assertThat(responses(ch)).extracting(EmbeddedLab.Response::status).containsExactly(200);

        tick(499);
        assertThat(ch.isOpen()).isTrue();
        tick(1);
        assertThat(ch.isOpen()).isFalse();
        assertFalse(ch.finishAndReleaseAll());
    }

    @Test
    void a100ContinueIsNotTheAnswer() {
        EmbeddedChannel ch = lab.connect();
        send(ch, "GET /api/items/c?delay_ms=700 HTTP/1.1\r\nHost: lab\r\nExpect: 100-continue\r\nContent-Length: 2\r\n\r\n");
        assertThat(responses(ch)).extracting(EmbeddedLab.Response::status).containsExactly(100);
        send(ch, "hi");
        tick(700); // past the idle timeout: counted as answered, the 100 would have let it close the connection
        assertThat(responses(ch)).extracting(EmbeddedLab.Response::status).containsExactly(200);
        assertFalse(ch.finishAndReleaseAll());
    }

    @Test
    void pastTheCapAConnectionGets503AtOnceAndNeverReachesTheFigures() {
        EmbeddedChannel a = lab.connect();
        EmbeddedChannel b = lab.connect();
        EmbeddedChannel c = lab.connect();
        EmbeddedChannel refused = lab.connect();
        assertThat(responses(refused)).singleElement().satisfies(r -> {
            assertThat(r.status()).isEqualTo(503);
            assertThat(r.header("connection")).isEqualTo("close");
            assertThat(r.body()).contains("too_many_connections", "--max-connections");
        });
        assertThat(refused.isOpen()).isFalse();
        assertThat(lab.connections.open()).isEqualTo(3);
        assertThat(lab.connections.refused()).isEqualTo(1);

        a.close();
        EmbeddedChannel d = lab.connect();
        get(d, "/api/items/after");
        tick(1);
        assertThat(responses(d)).extracting(EmbeddedLab.Response::status).containsExactly(200);
        assertThat(lab.stats().accepted()).isEqualTo(1);
        for (EmbeddedChannel ch : new EmbeddedChannel[] {a, b, c, d, refused}) {
            assertFalse(ch.finishAndReleaseAll());
        }
    }

    @Test
    void aDrainAnswersWhatIsInFlightWithConnectionCloseAndClosesTheRestAtOnce() {
        EmbeddedChannel busy = lab.connect();
        EmbeddedChannel idle = lab.connect();
        EmbeddedChannel halfSent = lab.connect();
        get(busy, "/api/items/busy?delay_ms=300");
        get(idle, "/health");
        responses(idle);
        send(halfSent, "GET /api/items/x HTTP/1.1\r\n");

        CompletableFuture<Void> drained = lab.connections.drain();
        lab.advance(0);
        assertThat(idle.isOpen()).isFalse();
        assertThat(halfSent.isOpen()).isFalse();
        assertThat(responses(halfSent)).as("a half-sent head is not in flight: closed, not answered").isEmpty();
        assertThat(busy.isOpen()).isTrue();
        assertThat(drained).isNotDone();

        tick(300);
        assertThat(responses(busy)).singleElement().satisfies(r -> {
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.header("connection")).isEqualTo("close");
        });
        assertThat(busy.isOpen()).isFalse();
        assertThat(drained).isDone();
        assertThat(lab.stats().completed()).isEqualTo(1);
        assertThat(lab.stats().failed()).isZero();
        EmbeddedChannel late = lab.connect();
        assertThat(responses(late)).extracting(EmbeddedLab.Response::status).as("no new connection during a drain").containsExactly(503);
        for (EmbeddedChannel ch : new EmbeddedChannel[] {busy, idle, halfSent, late}) {
            assertFalse(ch.finishAndReleaseAll());
        }
    }

    @Test
    void aDrainServesRequestsPipelinedBeforeItAndClosesAfterTheLast() {
        EmbeddedChannel ch = lab.connect();
        send(ch, "GET /api/items/p1?delay_ms=10 HTTP/1.1\r\nHost: lab\r\n\r\nGET /api/items/p2?delay_ms=10 HTTP/1.1\r\nHost: lab\r\n\r\n");
        lab.connections.drain();
        lab.advance(0);
        tick(20);
        assertThat(responses(ch)).extracting(r -> r.status() + " " + r.header("connection"))
                .containsExactly("200 null", "200 close");
        assertThat(ch.isOpen()).isFalse();
        assertFalse(ch.finishAndReleaseAll());
    }

    /** The control: the same half-sent head against the pipeline without the guard stays open, so the checks above can fail. */
    @Test
    void withoutTheGuardAHalfSentHeadHoldsItsConnectionForEver() {
        EmbeddedChannel ch = lab.connect();
        ch.pipeline().remove(ConnectionGuard.class);
        send(ch, "GET /api/items/a HTTP/1.1\r\nHost: lab\r\n");
        tick(2_000);
        assertThat(responses(ch)).isEmpty();
        assertThat(ch.isOpen()).isTrue();
        assertFalse(ch.finishAndReleaseAll());
    }
}
