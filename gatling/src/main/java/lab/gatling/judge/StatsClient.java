package lab.gatling.judge;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Reads and resets lab-server's figures over HTTP ({@code GET /stats}, {@code POST /stats/reset}),
 * the same way for an in-process server and a running one. Neither endpoint counts against the
 * limit, so reading them during a load test does not disturb it.
 */
public final class StatsClient {

    /** snake_case JSON to records, ignoring fields this module does not use (such as {@code server}). */
    public static final ObjectMapper JSON = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private final URI stats;
    private final URI reset;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    public StatsClient(String baseUrl) {
        this.stats = URI.create(baseUrl + "/stats");
        // Windows are consecutive pieces of one load: the draws run on, so each step of a ramp samples
        // service times of its own instead of the same rewound sequence again.
        this.reset = URI.create(baseUrl + "/stats/reset?rewind=false");
    }

    public ServerStats read() {
        return parse(send(HttpRequest.newBuilder(stats).GET()));
    }

    /** The server's limit, latency profile, fault rate and seed. */
    public ServerProfile profile() {
        try {
            return JSON.treeToValue(JSON.readTree(send(HttpRequest.newBuilder(stats).GET())).path("server"), ServerProfile.class);
        } catch (IOException e) {
            throw new UncheckedIOException("not a /stats body: " + e.getMessage(), e);
        }
    }

    /**
     * Zeroes the figures, letting the server's sequence of draws run on; answers with those of the
     * window it closes (its {@code in_flight} is carried into the new one), read in the same step.
     */
    public ServerStats reset() {
        return parse(send(HttpRequest.newBuilder(reset).POST(HttpRequest.BodyPublishers.noBody())));
    }

    /** The {@code /stats} body as figures. */
    public static ServerStats parse(String body) {
        try {
            return JSON.readValue(body, ServerStats.class);
        } catch (IOException e) {
            throw new UncheckedIOException("not a /stats body: " + e.getMessage(), e);
        }
    }

    private String send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(response.uri() + " answered " + response.statusCode());
            }
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException("lab-server unreachable at " + stats + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading " + stats, e);
        }
    }
}
