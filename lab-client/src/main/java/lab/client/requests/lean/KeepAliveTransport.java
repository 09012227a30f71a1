package lab.client.requests.lean;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import lab.client.requests.call.Transport;

/**
 * A minimal keep-alive HTTP/1.1 client on plain sockets, made for blocking calls from virtual
 * threads: a pool of idle {@link Connection}s, one exchange per connection at a time, nothing
 * running between calls (no selector thread, no executor, no futures).
 *
 * <p>Why hand-written rather than a library: the question the lab asks is what the client's
 * machinery costs per request, and the JDK's {@code HttpClient} (selector thread, executor, a
 * CompletableFuture chain per exchange) is the library answer it is measured against. This is the
 * least that can speak to lab-server correctly: a GET, a length-delimited answer, kept alive.
 *
 * <p>Cancellation: a virtual thread interrupted while blocked on a socket has that socket closed
 * by the JDK, so the server sees the close and frees the slot; the call then throws
 * {@link InterruptedException}. A timeout closes the connection the same way. Either way the
 * connection is never put back.
 *
 * <p>Kept connections: one idle for over {@link #MAX_IDLE} is dropped rather than reused (the
 * server answers 408 and closes a connection that sends nothing for its header timeout, 10 s by
 * default), and so is one the server has written to while idle. A request that finds its reused
 * connection closed before a single byte of answer is sent once more on a new one: the server
 * cannot have accepted it (an accepted request that fails is answered, or reset, never closed
 * in silence).
 */
public final class KeepAliveTransport implements Transport {

    static final Duration MAX_IDLE = Duration.ofSeconds(2);
    private static final int CONNECT_TIMEOUT_MS = 5_000;

    private final InetSocketAddress address;
    private final String host;
    private final Deque<Connection> idle = new ConcurrentLinkedDeque<>();
    private final Set<Connection> open = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    public KeepAliveTransport(URI base) {
        int port = base.getPort() == -1 ? 80 : base.getPort();
        this.address = new InetSocketAddress(base.getHost(), port);
        this.host = base.getHost() + ":" + port;
    }

    @Override
    public Reply get(String pathAndQuery, Duration timeout) throws IOException, InterruptedException {
        return send("GET", pathAndQuery, timeout);
    }

    /** One request without a body ({@code GET}, or a {@code POST} such as {@code /stats/reset}). */
    public Reply send(String method, String pathAndQuery, Duration timeout) throws IOException, InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException("cancelled before sending");
        }
        long deadline = timeout == null ? Long.MAX_VALUE : System.nanoTime() + timeout.toNanos();
        byte[] request = (method + " " + pathAndQuery + " HTTP/1.1\r\nHost: " + host
                + (method.equals("GET") ? "" : "\r\nContent-Length: 0") + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
        while (true) {
            Connection c = keptOrNew(deadline);
            try {
                Reply reply = c.exchange(request, deadline);
                release(c);
                return reply;
            } catch (Connection.ClosedBeforeAnswer e) {
                discard(c);
                if (!c.reused()) {
                    throw e;
                }
                // a stale kept connection: the request never reached the server, so send it again
            } catch (IOException | RuntimeException e) {
                discard(c);
                if (Thread.interrupted()) { // the JDK closed the socket on the interrupt: the exchange is aborted
                    InterruptedException cancelled = new InterruptedException("cancelled");
                    cancelled.initCause(e);
                    throw cancelled;
                }
                throw e;
            }
        }
    }

    /**
     * Each connection is opened and used from a virtual thread of its own, all at once, as a run
     * will use them: in a fresh JVM that also starts the virtual-thread scheduler and the socket
     * poller, which the first wave would otherwise wait for.
     */
    @Override
    public void warmUp(int connections) {
        byte[] health = ("GET /health HTTP/1.1\r\nHost: " + host + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        List<Connection> warm = new CopyOnWriteArrayList<>();
        List<Thread> openers = new ArrayList<>();
        for (int i = 0; i < connections; i++) {
            openers.add(Thread.ofVirtual().start(() -> {
                try {
                    Connection c = newConnection(deadline);
                    warm.add(c);
                    c.exchange(health, deadline);
                } catch (IOException e) {
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
    int openConnections() {
        return open.size();
    }

    @Override
    public void close() {
        closed = true;
        open.forEach(Connection::close);
        open.clear();
        idle.clear();
    }

    private Connection keptOrNew(long deadline) throws IOException {
        long maxIdle = MAX_IDLE.toNanos();
        for (Connection c; (c = idle.pollFirst()) != null; ) {
            if (!c.suspect(maxIdle)) {
                return c;
            }
            discard(c);
        }
        return newConnection(deadline);
    }

    private Connection newConnection(long deadline) throws IOException {
        if (closed) {
            throw new IOException("the client is closed");
        }
        Connection c = Connection.open(address, deadline, CONNECT_TIMEOUT_MS);
        open.add(c);
        if (closed) { // closed while connecting: close() may have missed this one
            discard(c);
            throw new IOException("the client is closed");
        }
        return c;
    }

    private void release(Connection c) {
        if (closed || !c.keepAlive()) {
            discard(c);
        } else {
            idle.offerFirst(c);
        }
    }

    private void discard(Connection c) {
        open.remove(c);
        c.close();
    }
}
