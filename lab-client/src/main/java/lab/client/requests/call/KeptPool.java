package lab.client.requests.call;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The kept-alive connections of a {@link Transport} for blocking callers on virtual threads: one
 * exchange per connection at a time, the most recently used handed out first, one idle for over
 * {@code maxIdle} (or otherwise suspect) dropped rather than reused. The lean and netty transports
 * differ in how they speak HTTP, not in how they keep connections, so both keep them here.
 *
 * @param <C> a connection of the transport's own
 */
public final class KeptPool<C extends KeptPool.Kept> {

    /** What the pool needs of a connection. */
    public interface Kept {
        /** Whether the last exchange left it usable for another. */
        boolean keepAlive();

        /** Whether it may have gone bad while idle for over {@code maxIdleNanos}, or by what the server did meanwhile. */
        boolean suspect(long maxIdleNanos);

        /** Closes it, aborting any exchange on it. */
        void close();
    }

    /** Opens a new connection by {@code deadlineNanos} ({@link Long#MAX_VALUE} for none). */
    public interface Opener<C> {
        C open(long deadlineNanos) throws IOException, InterruptedException;
    }

    /** One exchange on a connection, such as the warm-up's {@code GET /health}. */
    public interface Exchange<C> {
        void on(C connection, long deadlineNanos) throws IOException, InterruptedException;
    }

    private final Opener<C> opener;
    private final long maxIdleNanos;
    private final Deque<C> idle = new ConcurrentLinkedDeque<>();
    private final Set<C> open = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    public KeptPool(Opener<C> opener, Duration maxIdle) {
        this.opener = opener;
        this.maxIdleNanos = maxIdle.toNanos();
    }

    /** A kept connection that is not suspect, or a new one. */
    public C take(long deadlineNanos) throws IOException, InterruptedException {
        for (C c; (c = idle.pollFirst()) != null; ) {
            if (!c.suspect(maxIdleNanos)) {
                return c;
            }
            discard(c);
        }
        return newConnection(deadlineNanos);
    }

    /** Back to the pool after a whole exchange, or closed when it cannot be kept. */
    public void release(C c) {
        if (closed || !c.keepAlive()) {
            discard(c);
        } else {
            idle.offerFirst(c);
        }
    }

    /** Closed and forgotten: after a failed or aborted exchange. */
    public void discard(C c) {
        open.remove(c);
        c.close();
    }

    /**
     * Opens up to {@code connections} connections, each from a virtual thread of its own and all at
     * once, as a run will use them, and runs {@code exchange} on each: in a fresh JVM that also
     * starts the virtual-thread scheduler and the socket poller, which the first wave would
     * otherwise wait for. A connection that fails is left out; the run opens its own.
     */
    public void warmUp(int connections, long deadlineNanos, Exchange<C> exchange) {
        List<C> warm = new CopyOnWriteArrayList<>();
        List<Thread> openers = new ArrayList<>();
        for (int i = 0; i < connections; i++) {
            openers.add(Thread.ofVirtual().start(() -> {
                try {
                    C c = newConnection(deadlineNanos);
                    warm.add(c);
                    exchange.on(c, deadlineNanos);
                } catch (IOException | InterruptedException e) {
                    // a warm-up that fails leaves the run to open its own connections and report what goes wrong
                }
            }));
        }
        for (Thread t : openers) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        warm.forEach(this::release);
    }

    /** Connections now open, idle or in use. */
    public int size() {
        return open.size();
    }

    /** Closes every connection, aborting any exchange still running on one; nothing opens after. */
    public void close() {
        closed = true;
        open.forEach(Kept::close);
        open.clear();
        idle.clear();
    }

    private C newConnection(long deadlineNanos) throws IOException, InterruptedException {
        if (closed) {
            throw new IOException("the client is closed");
        }
        C c = opener.open(deadlineNanos);
        open.add(c);
        if (closed) { // closed while connecting: close() may have missed this one
            discard(c);
            throw new IOException("the client is closed");
        }
        return c;
    }
}
