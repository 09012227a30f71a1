package lab.client.api;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import lab.client.cli.Json;
import lab.client.cli.UserError;
import lab.client.requests.call.Transport;
import lab.client.requests.lean.KeepAliveTransport;

/**
 * lab-server's side endpoints ({@code /health}, {@code /stats}, {@code /stats/reset}) and the
 * address of {@code /api/items/{id}}. These calls never count against the limit, so a run can read
 * the server's figures before and after without disturbing them.
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
        return read("/stats", send("GET", "/stats"), ServerStats.class);
    }

    /** Zeroes the server's counters, so the next {@link #stats()} covers one run only. */
    public void resetStats() {
        send("POST", "/stats/reset");
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

    /** The part of {@code POST /runs}'s answer a client needs. */
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
            throw new UserError("bad --url '" + url + "': " + e.getReason() + " (write it as http://127.0.0.1:8080)");
        }
        if (!"http".equals(uri.getScheme()) || uri.getHost() == null) {
            throw new UserError("bad --url '" + url + "': write it as http://HOST:PORT, such as http://127.0.0.1:8080");
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        if (!path.isEmpty() && !path.equals("/") || uri.getRawQuery() != null) {
            throw new UserError("bad --url '" + url + "': give the server's base address only, such as http://127.0.0.1:8080");
        }
        return URI.create("http://" + uri.getRawAuthority() + "/");
    }

    private void requireHealthy() {
        Transport.Reply health = send("GET", "/health");
        if (health.status() != 200) {
            throw new UserError("no lab-server at " + base + ": /health answered " + health.status());
        }
    }

    private Transport.Reply send(String method, String path) {
        try {
            return http.send(method, path, CALL_TIMEOUT);
        } catch (ConnectException | NoRouteToHostException | UnknownHostException e) {
            throw new UserError("cannot reach lab-server at " + base + " (is it running? ./lab server starts one)", e);
        } catch (IOException e) {
            throw new UserError("lab-server at " + base + " failed on " + path + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UserError("interrupted while calling " + base.resolve(path), e);
        }
    }

    private static <T> T read(String path, Transport.Reply reply, Class<T> type) {
        try {
            return Json.MAPPER.readValue(reply.body(), type);
        } catch (IOException e) {
            throw new UserError("unreadable answer from " + path + ": " + e.getMessage(), e);
        }
    }
}
