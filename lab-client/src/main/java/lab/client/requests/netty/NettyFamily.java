package lab.client.requests.netty;

import java.net.URI;
import lab.client.requests.call.ItemClient;
import lab.client.requests.strategy.Settings;

/**
 * The netty family: the virtual-thread strategies, unchanged, calling through
 * {@link NettyTransport} (Netty's HTTP client codec on one event loop). Only the HTTP client
 * differs from the {@code virtual} and {@code lean} families.
 */
public final class NettyFamily {

    private NettyFamily() {
    }

    /** A client for {@code base} through Netty. */
    public static ItemClient client(URI base) {
        return new ItemClient(base, id -> "", new NettyTransport(base));
    }

    /** The settings a strategy of this family runs with: the caller's, with its client through Netty. */
    public static Settings settings(Settings given) {
        return given.through(NettyTransport.class, NettyTransport::new);
    }
}
