package lab.server.loopback;

import lab.server.LabServer;
import lab.server.ServerConfig;
import lab.server.behavior.LatencyModel;
import lab.server.stats.Snapshot;
import lab.server.support.Await;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/** A real lab-server on a free loopback port for the whole class: limit 10, 1 ms service unless a test asks otherwise. */
abstract class LoopbackServer {

    static final int LIMIT = 10;
    static LabServer server;

    @BeforeAll
    static void startServer() throws Exception {
        server = LabServer.start(ServerConfig.defaults().withPort(0).withLimit(LIMIT)
                .withLatency(LatencyModel.parse("fixed:1ms")));
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    /** Each test starts from an idle server with zeroed figures. */
    @BeforeEach
    void idleAndReset() throws InterruptedException {
        Await.until("the previous test's requests have left the server", () -> stats().inFlight() == 0);
        server.ledger().reset();
    }

    static Snapshot stats() {
        return server.ledger().snapshot();
    }

    static int port() {
        return server.port();
    }
}
