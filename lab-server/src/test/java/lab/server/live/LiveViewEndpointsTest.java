package lab.server.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import lab.server.LabServer;
import lab.server.ServerConfig;
import lab.server.behavior.LatencyModel;
import lab.server.support.Await;
import lab.server.support.HttpConnection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The live view's page, files, stream and run markers over a real loopback connection, without a browser. */
class LiveViewEndpointsTest {

    private static final int LIMIT = 10;
    private static final Duration BOUND = Duration.ofSeconds(20);
    static LabServer server;

    @BeforeAll
    static void start() throws Exception {
        server = LabServer.start(ServerConfig.defaults().withPort(0).withLimit(LIMIT).withLatency(LatencyModel.parse("fixed:1ms")));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void thePageLoadsOnlyFilesOfThisServerAndEveryOneIsThere() throws Exception {
        try (HttpConnection c = new HttpConnection(server.port())) {
            HttpConnection.Response page = c.get("/");
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.header("content-type")).startsWith("text/html");
            assertThat(page.header("content-security-policy")).isEqualTo("default-src 'self'; img-src 'self' data:");
            assertThat(page.body()).contains("in flight", "per window");
            Matcher refs = Pattern.compile("(?:src|href)=\"([^\"]*)\"").matcher(page.body());
            List<String> files = new ArrayList<>();
            while (refs.find()) {
                files.add(refs.group(1));
            }
            assertThat(files).as("the page's files").hasSizeGreaterThanOrEqualTo(4)
                    .allSatisfy(f -> assertThat(f).as("a path on this server").startsWith("/").doesNotStartWith("//"));
            for (String f : files) {
                HttpConnection.Response r = c.get(f);
                assertThat(r.status()).as(f).isEqualTo(200);
                assertThat(r.body()).as(f).isNotEmpty();
            }
        }
    }

    @Test
    void pageStreamAndRunsAnswerWithTheLimitFullAndNeverCount() throws Exception {
        server.ledger().reset();
        List<HttpConnection> hanging = new ArrayList<>();
        try {
            for (int i = 0; i < LIMIT; i++) {
                HttpConnection c = new HttpConnection(server.port());
                c.send("GET", "/api/items/h" + i + "?fail=hang");
                hanging.add(c);
            }
            Await.until("the limit full", () -> server.ledger().snapshot().inFlight() == LIMIT);
            try (HttpConnection c = new HttpConnection(server.port());
                 EventStreamReader stream = new EventStreamReader(server.baseUrl() + "/events", null)) {
                assertThat(c.get("/").status()).isEqualTo(200);
                assertThat(c.get("/live/live.js").status()).isEqualTo(200);
                assertThat(c.post("/runs?name=full").status()).isEqualTo(200);
                assertThat(c.get("/runs").body()).contains("\"name\":\"full\"");
                assertThat(stream.status()).isEqualTo(200);
                EventStreamReader.Event w = stream.next("window", "a window with the limit full", BOUND);
                assertThat(w.data().get("in_flight").asInt()).isEqualTo(LIMIT);
                assertThat(c.get("/api/items/1").status()).as("an item request with the limit full").isEqualTo(429);
            }
            assertThat(server.ledger().snapshot().accepted()).as("only the hanging requests were ever accepted").isEqualTo(LIMIT);
            assertThat(server.ledger().snapshot().rejected()).as("only the one item request was refused").isEqualTo(1);
        } finally {
            for (HttpConnection c : hanging) {
                c.close();
            }
        }
        Await.until("the hanging requests released", () -> server.ledger().snapshot().inFlight() == 0);
    }

    @Test
    void aWatcherGetsTheServerTheRunsAndTheBacklogOnConnect() throws Exception {
        String firstId;
        try (EventStreamReader first = new EventStreamReader(server.baseUrl() + "/events", null)) {
            assertThat(first.contentType()).startsWith("text/event-stream");
            EventStreamReader.Event hello = first.next("the first event", BOUND);
            assertThat(hello.name()).isEqualTo("server");
            assertThat(hello.data().get("server").get("limit").asInt()).isEqualTo(LIMIT);
            assertThat(hello.data().get("period_ms").asLong()).isEqualTo(1000);
            first.next("window", "a window", BOUND);
            firstId = first.next("window", "a second window", BOUND).id();
        }
        try (EventStreamReader late = new EventStreamReader(server.baseUrl() + "/events", null)) {
            EventStreamReader.Event w = late.next("window", "the backlog", BOUND);
            assertThat(w.data().get("seq").asLong()).as("a late watcher starts from the oldest window kept").isEqualTo(1);
        }
        try (EventStreamReader back = new EventStreamReader(server.baseUrl() + "/events", firstId)) {
            EventStreamReader.Event w = back.next("window", "the windows after Last-Event-ID", BOUND);
            long seen = Long.parseLong(firstId.substring(firstId.lastIndexOf('-') + 1));
            assertThat(w.data().get("seq").asLong()).as("a reconnecting watcher gets only what it missed").isEqualTo(seen + 1);
        }
    }

    @Test
    void aWindowCarriesRatesCountsAndPerWindowPercentiles() throws Exception {
        try (EventStreamReader stream = new EventStreamReader(server.baseUrl() + "/events", null);
             HttpConnection c = new HttpConnection(server.port())) {
            stream.next("window", "a window", BOUND);
            for (int i = 0; i < 20; i++) {
                assertThat(c.get("/api/items/" + i + "?delay_ms=3").status()).isEqualTo(200);
            }
            long answered = 0;
            while (answered < 20) {
                EventStreamReader.Event w = stream.next("window", "the windows of 20 answers", BOUND);
                answered += w.data().get("counts").get("completed").asLong();
                assertThat(w.data().get("latency_ms").has("p99")).isTrue();
                assertThat(w.data().get("per_s").has("rejected")).isTrue();
                if (w.data().get("latency_ms").get("count").asLong() > 0) {
                    assertThat(w.data().get("latency_ms").get("p50").asDouble()).isGreaterThanOrEqualTo(3.0);
                }
            }
            assertThat(answered).isEqualTo(20);
        }
    }

    @Test
    void runMarkersAreCheckedAndEnded() throws Exception {
        try (HttpConnection c = new HttpConnection(server.port())) {
            assertThat(c.post("/runs").status()).as("no name").isEqualTo(400);
            assertThat(c.post("/runs?name=" + "x".repeat(101)).status()).as("a name too long").isEqualTo(400);
            assertThat(c.post("/runs/999999/end").status()).as("an unknown run").isEqualTo(404);
            assertThat(c.get("/runs/1/end").status()).as("end with GET").isEqualTo(405);
            assertThat(c.post("/events").status()).as("POST /events").isEqualTo(405);
            HttpConnection.Response started = c.post("/runs?name=judge%20requests%20semaphore&detail=scenario%201");
            assertThat(started.status()).isEqualTo(200);
            assertThat(started.body()).contains("\"name\":\"judge requests semaphore\"", "\"detail\":\"scenario 1\"", "\"ended_ms\":null");
            String id = started.body().replaceAll(".*\"id\":(\\d+).*", "$1");
            HttpConnection.Response ended = c.post("/runs/" + id + "/end");
            assertThat(ended.status()).isEqualTo(200);
            assertThat(ended.body()).doesNotContain("\"ended_ms\":null");
            assertThat(c.get("/stats").status()).as("the router still answers behind the live view").isEqualTo(200);
        }
    }
}
