package lab.server.live;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.ScheduledFuture;
import java.io.ByteArrayOutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import lab.server.http.Json;
import lab.server.http.ServerDescription;
import lab.server.stats.Ledger;
import lab.server.stats.Percentiles;
import lab.server.stats.Window;

/**
 * The stream behind the live view ({@code GET /events}, server-sent events). Once a second it closes
 * one of the ledger's windows, keeps it in a backlog of the last {@value #BACKLOG} (ten minutes),
 * and pushes it to whoever watches. A watcher that connects gets the server's flags, the announced
 * runs and the whole backlog at once, so the page has its last minutes the moment it opens.
 *
 * <p>With nobody watching, the cost is the one task a second: a window read under the ledger's lock
 * and about 500 bytes of JSON. The request path pays only {@code WindowTally}'s increment.
 *
 * <p>Every field below is touched on {@code executor} only (one of the server's event loops), so
 * none of it needs a lock; writes to watchers on other loops are handed to theirs by Netty.
 */
public final class LiveFeed implements AutoCloseable {

    static final Duration PERIOD = Duration.ofSeconds(1);
    static final int BACKLOG = 600;

    /** One second of the server, as the page draws it. Rates are per second of the window's real length. */
    record WindowEvent(long seq, long tMs, double windowMs, int limit, int inFlight, int maxInFlight, Rates perS,
                       Window.Counts counts, Window.Counts sinceReset, Percentiles latencyMs) {
    }

    record Rates(double accepted, double rejected, double completed, double failed) {
    }

    /** The first event of a stream: what the server is and how the stream is cut. */
    record ServerEvent(String boot, long periodMs, int backlogWindows, ServerDescription server) {
    }

    private record Frame(long seq, byte[] bytes) {
    }

    private final Ledger ledger;
    private final EventExecutor executor;
    private final LongSupplier clockMs;
    private final RunLog runs;
    private final byte[] serverFrame;
    /** Tells this server's event ids from a previous one's on the same port, so a reconnect after a restart gets everything. */
    private final String boot;
    private final ArrayDeque<Frame> backlog = new ArrayDeque<>(BACKLOG);
    private final Set<Channel> watchers = new LinkedHashSet<>();
    private long seq;
    private ScheduledFuture<?> ticking;

    LiveFeed(Ledger ledger, ServerDescription description, EventExecutor executor, LongSupplier clockMs, RunLog runs) {
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.executor = Objects.requireNonNull(executor, "executor");
        this.clockMs = Objects.requireNonNull(clockMs, "clockMs");
        this.runs = Objects.requireNonNull(runs, "runs");
        this.boot = Long.toString(clockMs.getAsLong(), 36);
        this.serverFrame = frame("server", null, new ServerEvent(boot, PERIOD.toMillis(), BACKLOG,
                Objects.requireNonNull(description, "description")));
    }

    void start() {
        ledger.closeWindow(); // the first window starts now, not at the ledger's creation
        ticking = executor.scheduleAtFixedRate(this::tick, PERIOD.toNanos(), PERIOD.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** Closes one window and sends it to every watcher. Package-private so that tests can step the feed without waiting. */
    void tick() {
        Window w = ledger.closeWindow();
        long n = ++seq;
        double seconds = w.elapsedNanos() / 1e9;
        Window.Counts c = w.counts();
        Rates perS = seconds <= 0 ? new Rates(0, 0, 0, 0)
                : new Rates(rate(c.accepted(), seconds), rate(c.rejected(), seconds), rate(c.completed(), seconds),
                        rate(c.failed(), seconds));
        WindowEvent event = new WindowEvent(n, clockMs.getAsLong(), Math.round(w.elapsedNanos() / 1e3) / 1e3,
                w.limit(), w.inFlight(), w.maxInFlight(), perS, c, w.sinceReset(), w.latencyMs());
        Frame f = new Frame(n, frame("window", boot + "-" + n, event));
        backlog.addLast(f);
        if (backlog.size() > BACKLOG) {
            backlog.pollFirst();
        }
        for (Channel ch : watchers) {
            send(ch, f.bytes());
        }
    }

    /** Starts a stream on {@code ch}: the response head, then what the watcher missed, then every window as it closes. */
    void watch(Channel ch, String lastEventId) {
        executor.execute(() -> {
            ByteArrayOutputStream start = new ByteArrayOutputStream(64 * 1024);
            start.writeBytes("retry: 1000\n\n".getBytes(StandardCharsets.US_ASCII)); // EventSource reconnects after 1 s
            start.writeBytes(serverFrame);
            for (RunLog.Run run : runs.all()) {
                start.writeBytes(frame("run", null, run));
            }
            long after = seenSeq(lastEventId);
            for (Frame f : backlog) {
                if (f.seq() > after) {
                    start.writeBytes(f.bytes());
                }
            }
            ch.write(streamHead());
            send(ch, start.toByteArray());
            watchers.add(ch);
            ch.closeFuture().addListener(closed -> executor.execute(() -> watchers.remove(ch)));
        });
    }

    /** Tells every watcher that a run started or ended. */
    void announce(RunLog.Run run) {
        byte[] bytes = frame("run", null, run);
        executor.execute(() -> watchers.forEach(ch -> send(ch, bytes)));
    }

    int watchers() {
        return watchers.size();
    }

    /** The last window this server sent to a reconnecting watcher (its Last-Event-ID), or 0 for none of this server's. */
    private long seenSeq(String lastEventId) {
        String prefix = boot + "-";
        if (lastEventId == null || !lastEventId.startsWith(prefix)) {
            return 0;
        }
        try {
            return Long.parseLong(lastEventId.substring(prefix.length()));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static HttpResponse streamHead() {
        HttpResponse head = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
        head.headers()
                .set(HttpHeaderNames.CONTENT_TYPE, "text/event-stream; charset=utf-8")
                .set(HttpHeaderNames.CACHE_CONTROL, HttpHeaderValues.NO_CACHE)
                .set(HttpHeaderNames.TRANSFER_ENCODING, HttpHeaderValues.CHUNKED);
        return head;
    }

    /** A watcher that does not read is skipped rather than buffered for: the page catches up from the next window. */
    private static void send(Channel ch, byte[] bytes) {
        if (ch.isActive() && ch.isWritable()) {
            ch.writeAndFlush(new DefaultHttpContent(Unpooled.wrappedBuffer(bytes)));
        }
    }

    private static double rate(long count, double seconds) {
        return Math.round(count / seconds * 10) / 10.0;
    }

    /** One server-sent event: {@code event:}, {@code id:} when given, one {@code data:} line of JSON, a blank line. */
    static byte[] frame(String event, String id, Object data) {
        try {
            return ("event: " + event + "\n" + (id == null ? "" : "id: " + id + "\n")
                    + "data: " + Json.MAPPER.writeValueAsString(data) + "\n\n").getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        if (ticking != null) {
            ticking.cancel(false);
        }
    }
}
