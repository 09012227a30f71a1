package lab.client.requests.call;

import java.io.IOException;
import java.time.Duration;

/**
 * How an {@link ItemClient} reaches the server when not through the JDK's {@code HttpClient}: one
 * {@code GET} at a time per calling thread, blocking, over kept-alive connections.
 *
 * <p>The promise every transport keeps: interrupting a thread blocked in {@link #get}, or its
 * timeout passing, closes that exchange's connection (so the server frees the slot at once) and
 * ends the call, with an {@link InterruptedException} or a {@link java.net.SocketTimeoutException}.
 */
public interface Transport extends AutoCloseable {

    /** The parts of a response an attempt is judged by; {@code retryAfterSeconds} is -1 without the header. */
    record Reply(int status, String body, long retryAfterSeconds) {
    }

    /** One {@code GET pathAndQuery}; {@code timeout} bounds the whole exchange, null for none. */
    Reply get(String pathAndQuery, Duration timeout) throws IOException, InterruptedException;

    /** Opens up to {@code connections} connections with a {@code GET /health} each, before a measured run. */
    void warmUp(int connections);

    /** Closes every connection, aborting any exchange still running on one. */
    @Override
    void close();
}
