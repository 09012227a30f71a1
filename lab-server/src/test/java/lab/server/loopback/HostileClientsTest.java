package lab.server.loopback;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import lab.server.LabServer;
import lab.server.ServerConfig;
import lab.server.behavior.LatencyModel;
import lab.server.connections.ConnectionPolicy;
import lab.server.support.Await;
import lab.server.support.HttpConnection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Clients that stall or hoard connections, against a real server on loopback with its timeouts set
 * short by the same settings the flags make. Every wait is on a condition: a response, the server's
 * close, or a figure.
 */
class HostileClientsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration SHORT = Duration.ofMillis(300);

    private LabServer server;
    private final List<HttpConnection> clients = new ArrayList<>();

    private LabServer start(ConnectionPolicy policy) throws Exception {
        server = LabServer.start(ServerConfig.defaults().withPort(0).withLatency(LatencyModel.parse("fixed:1ms")), policy);
        return server;
    }

    private HttpConnection connect() throws IOException {
        HttpConnection c = new HttpConnection(server.port());
        clients.add(c);
        return c;
    }

    @AfterEach
    void stop() throws IOException {
        for (HttpConnection c : clients) {
            c.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aHalfSentHeadIsAnswered408AndClosed() throws Exception {
        start(ConnectionPolicy.defaults().withHeaderTimeout(SHORT));
        HttpConnection c = connect();
        c.sendRaw("GET /api/items/never HTTP/1.1\r\nHost: 127.0.0.1\r\n");

        HttpConnection.Response r = c.read();
        assertThat(r.status()).isEqualTo(408);
        assertThat(r.header("Connection")).isEqualTo("close");
        assertThat(c.serverClosed()).isTrue();
        assertThat(server.ledger().snapshot().accepted()).as("a head never finished is never accepted").isZero();
    }

    /** The finding: 2000 half-sent heads all still open seconds later. Now each is closed, and nothing is left. */
    @Test
    void manyHalfSentHeadsAreAllClosedAndLeaveNothingOpen() throws Exception {
        start(ConnectionPolicy.defaults().withHeaderTimeout(SHORT));
        List<HttpConnection> stalled = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            HttpConnection c = connect();
            c.sendRaw("GET /api/items/" + i + " HTTP/1.1\r\nHo");
            stalled.add(c);
        }
        for (HttpConnection c : stalled) {
            assertThat(c.read().status()).isEqualTo(408);
            assertThat(c.serverClosed()).isTrue();
        }
        Await.until("every stalled connection is closed on the server's side too", () -> server.connections().open() == 0);
    }

    @Test
    void aSilentKeepAliveConnectionIsClosedWithoutAnAnswer() throws Exception {
        start(ConnectionPolicy.defaults().withIdleTimeout(SHORT));
        HttpConnection c = connect();
        assertThat(c.get("/health").status()).isEqualTo(200);

        assertThat(c.serverClosed()).as("closed with no response: a 408 would be read as a byte, not an end").isTrue();
        Await.until("the server no longer counts it", () -> server.connections().open() == 0);
    }

    @Test
    void aRequestSlowerThanBothTimeoutsIsStillAnswered() throws Exception {
        start(ConnectionPolicy.defaults().withHeaderTimeout(SHORT).withIdleTimeout(SHORT));
        HttpConnection c = connect();
        HttpConnection.Response r = c.get("/api/items/slow?delay_ms=" + SHORT.multipliedBy(3).toMillis());
        assertThat(r.status()).isEqualTo(200);
        assertThat(server.ledger().snapshot().completed()).isEqualTo(1);
    }

    @Test
    void pastTheCapANewConnectionIsRefusedAtOnceAndServedAgainAfterOthersClose() throws Exception {
        start(ConnectionPolicy.defaults().withMaxConnections(3));
        List<HttpConnection> held = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            HttpConnection c = connect();
            assertThat(c.get("/health").status()).isEqualTo(200);
            held.add(c);
        }

        HttpConnection refused = connect();
        HttpConnection.Response r = refused.read(); // sent nothing: the answer comes at once, not after a request
        assertThat(r.status()).isEqualTo(503);
        assertThat(r.header("Connection")).isEqualTo("close");
        assertThat(r.body()).contains("too_many_connections");
        assertThat(refused.serverClosed()).isTrue();

        JsonNode stats = JSON.readTree(held.getFirst().get("/stats").body());
        assertThat(stats.get("connections").asInt()).isEqualTo(3);
        assertThat(stats.get("connections_refused").asLong()).isEqualTo(1);
        assertThat(stats.get("accepted").asLong()).as("a refused connection never reaches the figures").isZero();
        assertThat(held.getFirst().get("/metrics").body()).contains("lab_connections 3\n", "lab_connections_refused_total 1\n");

        held.getFirst().close();
        Await.until("the closed connection is no longer counted", () -> server.connections().open() == 2);
        HttpConnection again = connect();
        assertThat(again.get("/api/items/after").status()).isEqualTo(200);
    }

    @Test
    void resetReportsAndZeroesTheRefusals() throws Exception {
        start(ConnectionPolicy.defaults().withMaxConnections(1));
        HttpConnection c = connect();
        assertThat(c.get("/health").status()).isEqualTo(200);
        assertThat(connect().read().status()).isEqualTo(503);

        assertThat(JSON.readTree(c.post("/stats/reset").body()).get("connections_refused").asLong()).isEqualTo(1);
        JsonNode after = JSON.readTree(c.get("/stats").body());
        assertThat(after.get("connections_refused").asLong()).isZero();
        assertThat(after.get("connections").asInt()).as("open connections are a level, not a counter").isEqualTo(1);
    }
}
