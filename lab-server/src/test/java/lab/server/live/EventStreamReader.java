package lab.server.live;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** A test's view of {@code GET /events}: server-sent events parsed as they arrive, read with a bound. */
final class EventStreamReader implements AutoCloseable {

    /** One event: its name, its id (null when it has none) and its data as JSON. */
    record Event(String name, String id, JsonNode data) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Event END = new Event("end", null, null);

    private final HttpClient http = HttpClient.newHttpClient(); // its own, so that closing it closes the stream
    private final HttpResponse<Stream<String>> response;
    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final Thread reader;

    EventStreamReader(String url, String lastEventId) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).GET();
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        response = http.send(request.build(), HttpResponse.BodyHandlers.ofLines());
        reader = Thread.ofVirtual().start(this::parse);
    }

    int status() {
        return response.statusCode();
    }

    String contentType() {
        return response.headers().firstValue("content-type").orElse("");
    }

    /** The next event, waiting at most {@code bound}; fails naming what it waited for. */
    Event next(String what, Duration bound) throws InterruptedException {
        Event e = events.poll(bound.toMillis(), TimeUnit.MILLISECONDS);
        if (e == null || e == END) {
            throw new AssertionError(e == null ? "no event within " + bound.toSeconds() + " s waiting for " + what
                    : "the stream ended waiting for " + what);
        }
        return e;
    }

    /** The next event of the given name, skipping others. */
    Event next(String name, String what, Duration bound) throws InterruptedException {
        long deadline = System.nanoTime() + bound.toNanos();
        while (true) {
            Event e = next(what, Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
            if (e.name().equals(name)) {
                return e;
            }
        }
    }

    private void parse() {
        String name = "message";
        String id = null;
        StringBuilder data = new StringBuilder();
        try (Stream<String> lines = response.body()) {
            for (String line : (Iterable<String>) lines::iterator) {
                if (line.isEmpty()) {
                    if (!data.isEmpty()) {
                        events.add(new Event(name, id, JSON.readTree(data.toString())));
                    }
                    name = "message";
                    id = null;
                    data.setLength(0);
                } else if (line.startsWith("event: ")) {
                    name = line.substring(7);
                } else if (line.startsWith("id: ")) {
                    id = line.substring(4);
                } else if (line.startsWith("data: ")) {
                    data.append(line.substring(6));
                }
            }
        } catch (IOException | RuntimeException e) {
            // closed by the test, or by the server: either way the stream is over
        } finally {
            events.add(END);
        }
    }

    @Override
    public void close() {
        http.shutdownNow();
        reader.interrupt();
    }
}
