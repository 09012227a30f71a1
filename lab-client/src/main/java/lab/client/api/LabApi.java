package lab.client.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import lab.client.requests.call.Transport;
import lab.client.requests.lean.KeepAliveTransport;
import lab.server.http.RecordJson;
import lab.server.stats.ServerStats;

/**
 * lab-server's side endpoints ({@code /health}, {@code /stats}, {@code /stats/reset}) and the
 * address of {@code /api/items/{id}}: the lab's one HTTP client of the server's figures (lab-client's
 * commands, its tests and benches, jmh, gatling's measuring windows). These calls never count against
 * the limit, so a run can read the server's figures before and after without disturbing them.
 * {@code /stats} is read strictly ({@link ServerStats#parse}). Every failure is a
 * {@link LabApiException}, one line the user can act on.
 */
public final class LabApi {

    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(5);

    private final URI base;
    /*
     * Plain kept-alive sockets rather than the JDK's HttpClient: three small calls per run do not
     * need its machinery, and in a fresh JVM building one (its SSL context reads the trust store)
     * and making its first exchanges costs more CPU than a whole run of requests.
     */
    private final KeepAliveTransport http;

    private LabApi(URI base) {
        this.base = base;
        this.http = new KeepAliveTransport(base);
    }

    /** Checks the URL's form ({@code http://host:port}, no path) and that a lab-server answers there. */
    public static LabApi connect(String url) {
        LabApi api = new LabApi(parse(url));
        api.requireHealthy();
        return api;
    }

    public URI base() {
        return base;
    }

    public URI item(String id) {
        return base.resolve("/api/items/" + id);
    }

    public ServerStats stats() {
        return stats("/stats", send("GET", "/stats"));
    }

    /** Zeroes the server's counters, so the next {@link #stats()} covers one run only. */
    public void resetStats() {
        send("POST", "/stats/reset");
    }

    /**
     * Closes a measuring window: zeroes the figures and answers with those of the window it closes,
     * read in the same step (its {@code in_flight} is carried into the next window). The server's
     * sequence of draws runs on ({@code ?rewind=false}), so that consecutive windows of one load
     * sample service times of their own instead of the same rewound sequence again.
     */
    public ServerStats closeWindow() {
        return stats("/stats/reset", send("POST", "/stats/reset?rewind=false"));
    }

    /**
     * Announces a run on the server's live view ({@code POST /runs?name=&detail=}), so that whoever
     * watches its page sees which strategy is loading it. A marker is a label only: it takes no slot
     * and changes no figure. Returns the run's id for {@link #endRun}, or 0 when the server has no
     * live view (an older lab-server answers 404), in which case nothing is marked.
     */
    public long startRun(String name, String detail) {
        String path = "/runs?name=" + query(name) + "&detail=" + query(detail);
        Transport.Reply r = send("POST", path);
        return r.status() == 200 ? read("/runs", r, RunMarker.class).id() : 0;
    }

    /** Ends a run that {@link #startRun} announced; nothing for 0. */
    public void endRun(long id) {
        if (id > 0) {
            send("POST", "/runs/" + id + "/end");
        }
    }

    /** The part of {@code POST /runs}'s answer a client needs; the rest (name, times) is the live view's. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record RunMarker(long id) {
    }

    private static String query(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    static URI parse(String url) {
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw new LabApiException("bad --url '" + url + "': " + e.getReason() + " (write it as http://127.0.0.1:8080)");
        }
        if (!"http".equals(uri.getScheme()) || uri.getHost() == null) {
            throw new LabApiException("bad --url '" + url + "': write it as http://HOST:PORT, such as http://127.0.0.1:8080");
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        if (!path.isEmpty() && !path.equals("/") || uri.getRawQuery() != null) {
            throw new LabApiException("bad --url '" + url + "': give the server's base address only, such as http://127.0.0.1:8080");
        }
        return URI.create("http://" + uri.getRawAuthority() + "/");
    }

    private void requireHealthy() {
        Transport.Reply health = send("GET", "/health");
        if (health.status() != 200) {
            throw new LabApiException("no lab-server at " + base + ": /health answered " + health.status());
        }
    }

    private Transport.Reply send(String method, String path) {
        try {
            return http.send(method, path, CALL_TIMEOUT);
        } catch (ConnectException | NoRouteToHostException | UnknownHostException e) {
            throw new LabApiException("cannot reach lab-server at " + base + " (is it running? ./lab server starts one)", e);
        } catch (IOException e) {
            throw new LabApiException("lab-server at " + base + " failed on " + path + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LabApiException("interrupted while calling " + base.resolve(path), e);
        }
    }

    private static <T extends Record> T read(String path, Transport.Reply reply, Class<T> type) {
        try {
            return RecordJson.read(reply.body(), type);
        } catch (IllegalArgumentException e) {
            throw new LabApiException("unreadable answer from " + path + ": " + e.getMessage(), e);
        }
    }

    private ServerStats stats(String path, Transport.Reply reply) {
        if (reply.status() != 200) {
            throw new LabApiException("lab-server at " + base + " answered " + reply.status() + " on " + path);
        }
        try {
            return ServerStats.parse(reply.body());
        } catch (IllegalArgumentException e) {
            throw new LabApiException("unreadable answer from " + path + " at " + base + ": " + e.getMessage(), e);
        }
    }
}
