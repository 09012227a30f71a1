package lab.client.requests.call;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;

/**
 * Calls {@code GET /api/items/{id}} on the JDK's {@link HttpClient}, blocking ({@link #call}, for
 * virtual threads) or not ({@link #callAsync}, for CompletableFuture pipelines). It never throws for
 * what the server or the network did: every outcome is an {@link Attempt}, so strategies deal in
 * results, not exceptions. It counts every attempt and every 429 it sees, the client's side of the
 * ledger that the server's {@code /stats} is compared with.
 *
 * <p>Cancellation is real: interrupting a thread blocked in {@link #call}, or cancelling the future
 * of {@link #callAsync}, makes the JDK client abort the exchange and close its connection, which the
 * server sees as a close and frees the slot.
 *
 * <p>Built with a {@link Transport}, it calls through that instead of the JDK's client (which it
 * then never creates), with the same parsing and counting; {@link #callAsync} is the JDK client's
 * alone. A {@link Transport} keeps the same cancellation promise.
 */
public final class ItemClient implements AutoCloseable {

    private final URI base;
    private final Function<String, String> queryOf;
    private final HttpClient http;
    private final Transport transport;
    private final LongAdder attempts;
    private final LongAdder rejections;
    private final List<ItemClient> derived = new CopyOnWriteArrayList<>();

    public ItemClient(URI base) {
        this(base, id -> "");
    }

    /**
     * {@code queryOf} adds a query to the request of an id, such as {@code delay_ms=600} or
     * {@code fail=hang}: the server's overrides, with which tests give chosen ids a chosen fate.
     */
    public ItemClient(URI base, Function<String, String> queryOf) {
        this(base, queryOf, null, new LongAdder(), new LongAdder());
    }

    /** Calls through {@code transport}, not the JDK's client; {@link #callAsync} is then unavailable. */
    public ItemClient(URI base, Function<String, String> queryOf, Transport transport) {
        this(base, queryOf, transport, new LongAdder(), new LongAdder());
    }

    private ItemClient(URI base, Function<String, String> queryOf, Transport transport, LongAdder attempts,
                       LongAdder rejections) {
        this.base = base;
        this.queryOf = queryOf;
        this.transport = transport;
        this.http = transport != null ? null : HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        this.attempts = attempts;
        this.rejections = rejections;
    }

    /**
     * The same ids, queries and counters through another transport: what a family with its own
     * HTTP client makes of the client a caller gave it. Closing this client closes that one too.
     */
    public ItemClient through(Transport other) {
        ItemClient sibling = new ItemClient(base, queryOf, other, attempts, rejections);
        derived.add(sibling);
        return sibling;
    }

    /** True when this client calls through {@code kind} of transport. */
    public boolean callsThrough(Class<? extends Transport> kind) {
        return kind.isInstance(transport);
    }

    public URI base() {
        return base;
    }

    /** One attempt, waiting for the answer; {@code timeout} null for none. Interruptible: the exchange is aborted. */
    public Attempt call(String id, Duration timeout) throws InterruptedException {
        long start = System.nanoTime();
        if (transport != null) {
            return callThrough(id, timeout, start);
        }
        try {
            HttpResponse<String> response = http.send(request(id, timeout), HttpResponse.BodyHandlers.ofString());
            return answered(response, start);
        } catch (IOException e) {
            return failed(e, start);
        }
    }

    /**
     * One attempt as a future that always completes normally, unless cancelled. Cancelling it cancels the
     * HTTP client's own future too, which aborts the exchange. The JDK documents that abort only for the
     * future {@code sendAsync} returns; that the {@code handle} stage passes a cancel back to it is the
     * JDK's own future class at work (true on JDK 25, and not a promise), so the link is made here by hand.
     */
    public CompletableFuture<Attempt> callAsync(String id, Duration timeout) {
        if (http == null) {
            throw new IllegalStateException("callAsync runs on the JDK's HttpClient; this client calls through "
                    + transport.getClass().getSimpleName());
        }
        long start = System.nanoTime();
        CompletableFuture<HttpResponse<String>> exchange = http.sendAsync(request(id, timeout), HttpResponse.BodyHandlers.ofString());
        CompletableFuture<Attempt> attempt =
                exchange.handle((response, error) -> error == null ? answered(response, start) : failed(unwrap(error), start));
        attempt.whenComplete((a, error) -> {
            if (error instanceof CancellationException) {
                exchange.cancel(true);
            }
        });
        return attempt;
    }

    /**
     * Opens up to {@code connections} keep-alive connections with concurrent {@code GET /health} calls
     * (which the server never counts) and runs the code path once, so a measured run starts the way a
     * long-lived client works: warm connections, warm code. Not counted as attempts.
     */
    public void warmUp(int connections) {
        // The first answer's parse loads and links the parser: in a fresh JVM that would delay the
        // first result by more than a fast service time.
        ItemBody.parse("{\"id\":\"0\",\"service_ms\":0}");
        if (transport != null) {
            transport.warmUp(connections);
            return;
        }
        HttpRequest health = HttpRequest.newBuilder(base.resolve("/health")).timeout(Duration.ofSeconds(5)).build();
        CompletableFuture<?>[] calls = new CompletableFuture<?>[connections];
        for (int i = 0; i < connections; i++) {
            calls[i] = http.sendAsync(health, HttpResponse.BodyHandlers.discarding());
        }
        CompletableFuture.allOf(calls).exceptionally(e -> null).join();
    }

    public long attempts() {
        return attempts.sum();
    }

    public long rejections() {
        return rejections.sum();
    }

    /** Aborts whatever is still open and waits, bounded, for the client's threads to finish. */
    @Override
    public void close() {
        derived.forEach(ItemClient::close);
        if (transport != null) {
            transport.close();
            return;
        }
        http.shutdownNow();
        try {
            http.awaitTermination(Duration.ofSeconds(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private HttpRequest request(String id, Duration timeout) {
        String query = queryOf.apply(id);
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve("/api/items/" + id + (query.isEmpty() ? "" : "?" + query))).GET();
        if (timeout != null) {
            b.timeout(timeout);
        }
        return b.build();
    }

    private Attempt callThrough(String id, Duration timeout, long start) throws InterruptedException {
        String query = queryOf.apply(id);
        try {
            Transport.Reply reply = transport.get("/api/items/" + id + (query.isEmpty() ? "" : "?" + query), timeout);
            return answered(reply.status(), reply.body(), reply.retryAfterSeconds(), start);
        } catch (IOException e) {
            return failed(e, start);
        }
    }

    private Attempt answered(HttpResponse<String> response, long start) {
        return answered(response.statusCode(), response.body(),
                response.headers().firstValueAsLong("Retry-After").orElse(-1), start);
    }

    private Attempt answered(int status, String text, long retryAfterSeconds, long start) {
        double ms = sinceMs(start);
        attempts.increment();
        if (status == 429) {
            rejections.increment();
        }
        ItemBody body = ItemBody.parse(text);
        long retryAfterMs = status == 429 ? retryAfterMs(retryAfterSeconds, body) : 0;
        return new Attempt(status, body.id(), body.serviceMs(), retryAfterMs, ms, status == 200 ? null : "HTTP " + status);
    }

    private Attempt failed(Throwable e, long start) {
        attempts.increment();
        if (e instanceof CancellationException) {
            return new Attempt(Attempt.NO_RESPONSE, null, -1, 0, sinceMs(start), "cancelled");
        }
        String what = e instanceof HttpTimeoutException || e instanceof SocketTimeoutException
                ? "timeout" : e.getClass().getSimpleName();
        return new Attempt(Attempt.NO_RESPONSE, null, -1, 0, sinceMs(start), what);
    }

    /** The body's {@code retry_after_ms} is finer than the header's whole seconds; the header is the fallback. */
    private static long retryAfterMs(long retryAfterSeconds, ItemBody body) {
        if (body.retryAfterMs() >= 0) {
            return body.retryAfterMs();
        }
        return (retryAfterSeconds < 0 ? 1 : retryAfterSeconds) * 1000;
    }

    private static Throwable unwrap(Throwable e) {
        return e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
    }

    private static double sinceMs(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e6;
    }
}
