package lab.server;

import io.netty.channel.IoHandlerFactory;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import java.util.Locale;

/**
 * The I/O transport, which is also the latency timer: scheduled responses wake the event loop.
 * On Linux the native epoll transport is used; its event loop sleeps on a timerfd with microsecond
 * resolution, where the JDK's NIO selector can only sleep whole milliseconds. Elsewhere, or with
 * {@code -Dlab.transport=nio}, NIO.
 */
public record Transport(String name, IoHandlerFactory ioHandlers, Class<? extends ServerChannel> serverChannel) {

    /** Epoll where Netty's native library loads and NIO was not asked for; NIO otherwise. */
    public static Transport best() {
        String forced = System.getProperty("lab.transport", "").toLowerCase(Locale.ROOT);
        if (!forced.equals("nio") && Epoll.isAvailable()) {
            return new Transport("epoll", EpollIoHandler.newFactory(), EpollServerSocketChannel.class);
        }
        return new Transport("nio", NioIoHandler.newFactory(), NioServerSocketChannel.class);
    }
}
