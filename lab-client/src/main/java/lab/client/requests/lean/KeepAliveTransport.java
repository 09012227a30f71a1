package lab.client.requests.lean;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import lab.client.requests.call.KeptPool;
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

    private final String host;
    private final KeptPool<Connection> pool;

    public KeepAliveTransport(URI base) {
        int port = base.getPort() == -1 ? 80 : base.getPort();
        InetSocketAddress address = new InetSocketAddress(base.getHost(), port);
        this.host = base.getHost() + ":" + port;
        this.pool = new KeptPool<>(deadline -> Connection.open(address, deadline, CONNECT_TIMEOUT_MS), MAX_IDLE);
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
            Connection c = pool.take(deadline);
            try {
                Reply reply = c.exchange(request, deadline);
                pool.release(c);
                return reply;
            } catch (Connection.ClosedBeforeAnswer e) {
                pool.discard(c);
                if (!c.reused()) {
                    throw e;
                }
                // a stale kept connection: the request never reached the server, so send it again
            } catch (IOException | RuntimeException e) {
                pool.discard(c);
                if (Thread.interrupted()) { // the JDK closed the socket on the interrupt: the exchange is aborted
                    InterruptedException cancelled = new InterruptedException("cancelled");
                    cancelled.initCause(e);
                    throw cancelled;
                }
                throw e;
            }
        }
    }

    @Override
    public void warmUp(int connections) {
        byte[] health = ("GET /health HTTP/1.1\r\nHost: " + host + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
        pool.warmUp(connections, System.nanoTime() + TimeUnit.SECONDS.toNanos(5), (c, deadline) -> c.exchange(health, deadline));
    }

    /** Connections now open, idle or in use. */
    int openConnections() {
        return pool.size();
    }

    @Override
    public void close() {
        pool.close();
    }
}
