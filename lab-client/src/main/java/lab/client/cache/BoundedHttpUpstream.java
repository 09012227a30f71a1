package lab.client.cache;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Semaphore;
import java.util.function.Function;
import lab.client.api.LabApi;

/**
 * The cache's upstream: {@code GET /api/items/{key}} on lab-server, through a client that never has
 * more than the server's limit in flight, so that no call is turned away with a 429 and the server's
 * {@code accepted} counts the cache's upstream calls exactly. A call holds its permit from send to
 * the last byte of the answer; lab-server frees its slot before it writes, so the two counts agree.
 *
 * <p>Small and private to the cache on purpose: the stampede is about how many calls are made, not
 * about how they are sent (the request strategies are the {@code requests} task's subject).
 */
public final class BoundedHttpUpstream implements Upstream {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

    private final Function<String, URI> address;
    private final Semaphore inFlight;
    private final HttpClient http;

    /**
     * @param address where each key is loaded from (tests map some keys to {@code ?fail=500} or {@code ?delay_ms=N})
     * @param limit   the most calls in flight at once: the server's {@code limit}
     */
    public BoundedHttpUpstream(Function<String, URI> address, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, got " + limit);
        }
        this.address = Objects.requireNonNull(address, "address");
        this.inFlight = new Semaphore(limit);
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(CONNECT_TIMEOUT).build();
    }

    private BoundedHttpUpstream(Function<String, URI> address, Semaphore inFlight, HttpClient http) {
        this.address = address;
        this.inFlight = inFlight;
        this.http = http;
    }

    /** Items of {@code api}, bounded by the limit the server reports in {@code /stats}. */
    public static BoundedHttpUpstream of(LabApi api) {
        return new BoundedHttpUpstream(api::item, api.stats().limit());
    }

    /**
     * The same client, permits and connections, loading every key from {@code address} instead:
     * a warm-up against {@code /health}, which the server does not count, opens the connections and
     * runs the code paths once before a timed run.
     */
    public BoundedHttpUpstream withAddress(Function<String, URI> address) {
        return new BoundedHttpUpstream(Objects.requireNonNull(address, "address"), inFlight, http);
    }

    @Override
    public String load(String key) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(address.apply(key)).GET().build();
        inFlight.acquire();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } finally {
            inFlight.release();
        }
        if (response.statusCode() != 200) {
            throw new UpstreamException(key, response.statusCode());
        }
        return response.body();
    }
}
