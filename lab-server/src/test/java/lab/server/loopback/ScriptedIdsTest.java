package lab.server.loopback;

import static org.assertj.core.api.Assertions.assertThat;

import lab.server.script.Fate;
import lab.server.support.Await;
import lab.server.support.HttpConnection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Chosen ids get chosen fates on plain requests, set in-process or through {@code /script}, which never counts. */
class ScriptedIdsTest extends LoopbackServer {

    @AfterEach
    void clearScript() {
        server.script().clear();
    }

    @Test
    void aScriptedDelayIsServedAsIfTheQueryAskedForIt() throws Exception {
        server.script().put("7", Fate.parse("delay:40ms"));
        try (HttpConnection c = new HttpConnection(port())) {
            assertThat(c.get("/api/items/7").body()).isEqualTo("{\"id\":\"7\",\"service_ms\":40}");
            assertThat(c.get("/api/items/8").body()).as("an unscripted id keeps the drawn latency")
                    .isEqualTo("{\"id\":\"8\",\"service_ms\":1}");
            assertThat(c.get("/api/items/7?delay_ms=2").body()).as("the query wins").isEqualTo("{\"id\":\"7\",\"service_ms\":2}");
        }
        assertThat(stats().serviceMsSum()).isEqualTo(43);
    }

    @Test
    void scriptedFaultsFailEveryTimeAndAHangHoldsItsSlotUntilTheClientLeaves() throws Exception {
        server.script().put("3=fail:500").put("4=fail:503").put("5=fail:hang");
        try (HttpConnection c = new HttpConnection(port())) {
            assertThat(c.get("/api/items/3").status()).isEqualTo(500);
            assertThat(c.get("/api/items/3").status()).as("a scripted fault is stuck to its id").isEqualTo(500);
            assertThat(c.get("/api/items/4").status()).isEqualTo(503);
        }
        HttpConnection hung = new HttpConnection(port());
        hung.send("GET", "/api/items/5");
        Await.until("the hung request holds a slot", () -> stats().inFlight() == 1);
        hung.close();
        Await.until("the slot is released on the client's close", () -> stats().inFlight() == 0);
        assertThat(stats().failed()).isEqualTo(4);
        assertThat(stats().completed()).isZero();
    }

    @Test
    void theAdminEndpointSetsListsAndClearsWithoutCounting() throws Exception {
        try (HttpConnection c = new HttpConnection(port())) {
            HttpConnection.Response set = c.post("/script?7=delay:30ms&3=fail:hang");
            assertThat(set.status()).isEqualTo(200);
            assertThat(set.body()).isEqualTo("{\"items\":{\"3\":\"fail:hang\",\"7\":\"delay:30ms\"}}");
            assertThat(c.get("/api/items/7").body()).isEqualTo("{\"id\":\"7\",\"service_ms\":30}");

            HttpConnection.Response bad = c.post("/script?8=delay:30ms&9=explode");
            assertThat(bad.status()).isEqualTo(400);
            assertThat(bad.body()).contains("bad fate 'explode'");
            assertThat(c.get("/script").body()).as("a bad entry changes nothing").doesNotContain("\"8\"");

            c.send("DELETE", "/script");
            assertThat(c.read().body()).isEqualTo("{\"items\":{}}");
            assertThat(c.get("/api/items/7").body()).isEqualTo("{\"id\":\"7\",\"service_ms\":1}");
        }
        assertThat(stats().accepted()).as("only the two item requests count").isEqualTo(2);
        assertThat(stats().rejected()).isZero();
    }

    @Test
    void theAdminEndpointAnswersWhileEverySlotIsTaken() throws Exception {
        HttpConnection[] hung = new HttpConnection[LIMIT];
        for (int i = 0; i < LIMIT; i++) {
            hung[i] = new HttpConnection(port());
            hung[i].send("GET", "/api/items/h" + i + "?fail=hang");
        }
        Await.until("every slot is taken", () -> stats().inFlight() == LIMIT);
        try (HttpConnection c = new HttpConnection(port())) {
            assertThat(c.post("/script?1=delay:5ms").status()).isEqualTo(200);
            assertThat(c.get("/script").status()).isEqualTo(200);
        } finally {
            for (HttpConnection h : hung) {
                h.close();
            }
        }
        assertThat(stats().rejected()).isZero();
    }
}
