package lab.server.loopback;

import static org.assertj.core.api.Assertions.assertThat;

import lab.server.support.Await;
import lab.server.support.HttpConnection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A slot is never leaked: not by a client that gives up, not by a hang, not by a reset. */
class SlotReleaseTest extends LoopbackServer {

    @ParameterizedTest
    @ValueSource(strings = {"delay_ms=60000", "fail=hang"})
    void aClientThatDisconnectsMidRequestGivesItsSlotBack(String query) throws Exception {
        HttpConnection client = new HttpConnection(port());
        client.send("GET", "/api/items/gone?" + query);
        Await.until("the request is in flight", () -> stats().inFlight() == 1);

        client.close();
        Await.until("the slot is released on the client's close", () -> stats().inFlight() == 0);
        assertThat(stats().failed()).isEqualTo(1);
        assertThat(stats().completed()).isZero();
        assertThat(stats().latencyMs().count()).as("an abandoned request is not a latency sample").isZero();
    }

    @Test
    void aResetClosesTheConnectionWithNoResponseAndFreesTheSlot() throws Exception {
        try (HttpConnection client = new HttpConnection(port())) {
            client.send("GET", "/api/items/boom?fail=reset&delay_ms=1");
            org.junit.jupiter.api.Assertions.assertThrows(java.io.IOException.class, client::read,
                    "a reset must end the connection without any response");
        }
        assertThat(stats().inFlight()).isZero();
        assertThat(stats().failed()).isEqualTo(1);
    }

    @Test
    void injectedErrorsAreAnsweredAndCountedAsFailed() throws Exception {
        try (HttpConnection client = new HttpConnection(port())) {
            assertThat(client.get("/api/items/a?fail=500").status()).isEqualTo(500);
            assertThat(client.get("/api/items/b?fail=503").status()).isEqualTo(503);
            assertThat(client.get("/api/items/c").status()).isEqualTo(200);
        }
        assertThat(stats().failed()).isEqualTo(2);
        assertThat(stats().completed()).isEqualTo(1);
        assertThat(stats().latencyMs().count()).isEqualTo(3);
    }

    @Test
    void malformedOversizedAndUnknownRequestsTakeNoSlot() throws Exception {
        try (HttpConnection c = new HttpConnection(port())) {
            c.sendRaw("NONSENSE\r\n\r\n");
            assertThat(c.read().status()).isEqualTo(400);
            assertThat(c.serverClosed()).isTrue();
        }
        try (HttpConnection c = new HttpConnection(port())) {
            c.sendRaw("GET /api/items/x HTTP/1.1\r\nX-Pad: " + "p".repeat(10_000) + "\r\n\r\n");
            assertThat(c.read().status()).isEqualTo(431);
        }
        try (HttpConnection c = new HttpConnection(port())) {
            assertThat(c.get("/api/nothing-here").status()).isEqualTo(404);
            assertThat(c.get("/api/items/bad.id").status()).isEqualTo(400);
            assertThat(c.get("/health").status()).isEqualTo(200);
        }
        assertThat(stats().accepted()).isZero();
        assertThat(stats().inFlight()).isZero();
    }

    @Test
    void http10ClientsGetTheirAnswerAndTheConnectionCloses() throws Exception {
        try (HttpConnection c = new HttpConnection(port())) {
            c.sendRaw("GET /api/items/old HTTP/1.0\r\n\r\n");
            assertThat(c.read().status()).isEqualTo(200);
            assertThat(c.serverClosed()).isTrue();
        }
    }
}
