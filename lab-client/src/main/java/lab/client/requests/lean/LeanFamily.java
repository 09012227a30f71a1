package lab.client.requests.lean;

import java.net.URI;
import lab.client.requests.call.ItemClient;
import lab.client.requests.strategy.Settings;

/**
 * The lean family: the virtual-thread strategies, unchanged, calling through
 * {@link KeepAliveTransport} instead of the JDK's {@code HttpClient}. Only the HTTP client differs
 * from the {@code virtual} family, so comparing the two measures the client alone.
 */
public final class LeanFamily {

    private LeanFamily() {
    }

    /** A client for {@code base} on kept-alive plain sockets. */
    public static ItemClient client(URI base) {
        return new ItemClient(base, id -> "", new KeepAliveTransport(base));
    }

    /** The settings a strategy of this family runs with: the caller's, with its client on plain sockets. */
    public static Settings settings(Settings given) {
        return given.through(KeepAliveTransport.class, KeepAliveTransport::new);
    }
}
