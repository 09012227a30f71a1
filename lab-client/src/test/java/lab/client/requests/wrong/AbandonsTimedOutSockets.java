package lab.client.requests.wrong;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import lab.client.requests.call.Transport;
import lab.client.requests.lean.KeepAliveTransport;

/**
 * WRONG on purpose: a transport that, at a timeout or an interrupt, stops waiting for the exchange
 * but leaves its socket open, so the server keeps the request's slot: the lean client's
 * cancellation done the easy way. The exchange itself runs, untimed, on a thread of its own.
 */
public final class AbandonsTimedOutSockets implements Transport {

    private final KeepAliveTransport sockets;

    public AbandonsTimedOutSockets(URI base) {
        this.sockets = new KeepAliveTransport(base);
    }

    @Override
    public Reply get(String pathAndQuery, Duration timeout) throws IOException, InterruptedException {
        CompletableFuture<Reply> exchange = new CompletableFuture<>();
        Thread.ofVirtual().start(() -> {
            try {
                exchange.complete(sockets.get(pathAndQuery, null));
            } catch (IOException | InterruptedException | RuntimeException e) {
                exchange.completeExceptionally(e);
            }
        });
        try {
            return timeout == null ? exchange.get() : exchange.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            throw new SocketTimeoutException("gave up waiting"); // the exchange and its socket go on
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        }
    }

    @Override
    public void warmUp(int connections) {
        sockets.warmUp(connections);
    }

    @Override
    public void close() {
        sockets.close();
    }
}
