package lab.gatling.judge;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import lab.client.api.LabApi;
import lab.gatling.run.WindowFigures;
import lab.server.LabServer;
import lab.server.ServerConfig;
import lab.server.behavior.LatencyModel;
import lab.server.http.Json;
import lab.server.stats.ServerStats;
import lab.server.support.Await;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The measuring windows' plumbing (lab-client's {@link LabApi}) against a real lab-server on loopback:
 * the profile, closing a window, and the requests a reset carries over.
 */
@Timeout(60)
class MeasuringWindowTest {

    /** How long the server may take to see a request arrive or a connection close, on a loaded machine. */
    private static final Duration BOUND = Duration.ofSeconds(10);

    private LabServer server;
    private LabApi stats;

    @BeforeEach
    void start() throws Exception {
        server = LabServer.start(ServerConfig.defaults().withPort(0).withLatency(LatencyModel.parse("fixed:5ms")));
        stats = LabApi.connect(server.baseUrl());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void readsTheServersProfile() {
        assertThat(ServerProfile.of(stats.stats().server())).isEqualTo(new ServerProfile(10, "fixed:5ms", 0, 42));
    }

    @Test
    void aWindowLeavesOutTheRequestsItsResetCarriedIn() throws Exception {
        // Not try-with-resources: close() would wait for the held requests, which never finish.
        HttpClient http = HttpClient.newHttpClient();
        try {
            for (int i = 0; i < 3; i++) { // held until the client goes away
                http.sendAsync(get("/api/items/held-" + i + "?fail=hang"), HttpResponse.BodyHandlers.discarding());
            }
            Await.until("the server holds the 3 hanging requests", BOUND, () -> stats.stats().inFlight() == 3);

            ServerStats closed = stats.closeWindow();
            assertThat(closed.inFlight()).isEqualTo(3);
            for (int i = 0; i < 2; i++) {
                assertThat(http.send(get("/api/items/quick-" + i), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
            }
            ServerStats window = stats.stats();
            assertThat(window.accepted()).isEqualTo(5); // the server counts the carried ones as accepted again
            WindowFigures figures = new WindowFigures("w", 0, 1000, closed.inFlight(), window.figures(), Map.of());
            assertThat(figures.acceptedArrivals()).isEqualTo(2);
            assertThat(figures.meanServiceMs()).isEqualTo(5.0);
        } finally {
            http.shutdownNow();
        }
        Await.until("closing the client freed the held slots", BOUND, () -> stats.stats().inFlight() == 0);
    }

    @Test
    void aWindowsResetLetsTheDrawsRunOnSoEachStepSamplesServiceTimesOfItsOwn() throws Exception {
        String latency = "uniform:1ms..200ms";
        LabServer drawing = LabServer.start(ServerConfig.defaults().withPort(0).withLatency(LatencyModel.parse(latency)));
        try {
            LabApi windows = LabApi.connect(drawing.baseUrl());
            var planner = new lab.server.behavior.BehaviorPlanner(LatencyModel.parse(latency), 0, 42);
            HttpClient http = HttpClient.newHttpClient();
            HttpRequest item = HttpRequest.newBuilder(URI.create(drawing.baseUrl() + "/api/items/1")).build();
            for (long n = 0; n < 3; n++) {
                String body = http.send(item, HttpResponse.BodyHandlers.ofString()).body();
                long drawn = Json.MAPPER.readTree(body).path("service_ms").asLong();
                assertThat(drawn).as("service time of the first request of window %d", n)
                        .isEqualTo(planner.plan(n, lab.server.behavior.Overrides.NONE).serviceMs());
                windows.closeWindow();
            }
        } finally {
            drawing.close();
        }
    }

    private HttpRequest get(String path) {
        return HttpRequest.newBuilder(URI.create(server.baseUrl() + path)).build();
    }
}
