package lab.server;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import lab.server.behavior.BehaviorPlanner;
import lab.server.http.LabServerInitializer;
import lab.server.script.Script;
import lab.server.http.ServerDescription;
import lab.server.stats.Ledger;
import lab.server.stats.Ticker;

/**
 * The API that serves only {@code limit} requests at a time, on 127.0.0.1. Start one with
 * {@link #start(ServerConfig)} (tests and the tour run it in-process) or from the command line
 * ({@link ServerCommand}); close it to stop.
 */
public final class LabServer implements AutoCloseable {

    private final EventLoopGroup group;
    private final Channel channel;
    private final Ledger ledger;
    private final ServerConfig config;
    private final Script script;

    private LabServer(EventLoopGroup group, Channel channel, Ledger ledger, ServerConfig config, Script script) {
        this.group = group;
        this.channel = channel;
        this.ledger = ledger;
        this.config = config;
        this.script = script;
    }

    /** Binds and starts serving; a {@link BindException} saying why if the port cannot be had. */
    public static LabServer start(ServerConfig config) throws BindException, InterruptedException {
        Objects.requireNonNull(config, "config");
        Ledger ledger = new Ledger(config.limit(), Ticker.system());
        BehaviorPlanner planner = new BehaviorPlanner(config.latency(), config.faultRate(), config.seed());
        Script script = new Script();
        // The same threads accept, serve and run the latency timer: the handlers never block, so a
        // thread more than the cores it can have only adds switches (see ServerConfig.defaultIoThreads).
        Transport transport = Transport.best();
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(config.effectiveIoThreads(), transport.ioHandlers());
        try {
            ChannelFuture bound = new ServerBootstrap()
                    .group(group)
                    .channel(transport.serverChannel())
                    .option(ChannelOption.SO_BACKLOG, 1024)
                    .childOption(ChannelOption.TCP_NODELAY, true)
                    .childHandler(new LabServerInitializer(ledger, planner, describe(config, transport), script))
                    .bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), config.port()))
                    .await();
            if (!bound.isSuccess()) {
                throw cannotBind(config.port(), bound.cause());
            }
            return new LabServer(group, bound.channel(), ledger, config, script);
        } catch (BindException | RuntimeException | InterruptedException e) {
            group.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS);
            throw e;
        }
    }

    private static ServerDescription describe(ServerConfig config, Transport transport) {
        return new ServerDescription(config.limit(), config.latency().spec(), config.faultRate(), config.seed(),
                transport.name(), config.effectiveIoThreads());
    }

    /** One readable sentence, whichever transport failed: NIO says "Address already in use", epoll adds its errno. */
    private static BindException cannotBind(int port, Throwable cause) {
        String why = cause == null || cause.getMessage() == null ? "bind failed" : cause.getMessage();
        BindException e = new BindException("cannot listen on 127.0.0.1:" + port + ": " + why.substring(why.lastIndexOf(": ") + 1).strip());
        e.initCause(cause);
        return e;
    }

    /** The port actually bound (the free one picked when started with port 0). */
    public int port() {
        return ((InetSocketAddress) channel.localAddress()).getPort();
    }

    /** {@code http://127.0.0.1:PORT}, with no trailing slash. */
    public String baseUrl() {
        return "http://127.0.0.1:" + port();
    }

    public ServerConfig config() {
        return config;
    }

    /** The live figures, the same ones {@code /stats} reports. */
    public Ledger ledger() {
        return ledger;
    }

    /** The scripted ids: chosen ids with chosen fates ({@code --item}, {@code POST /script}), live. */
    public Script script() {
        return script;
    }

    /** Blocks until the server is closed. */
    public void awaitClose() throws InterruptedException {
        channel.closeFuture().await();
    }

    @Override
    public void close() {
        channel.close().syncUninterruptibly();
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    }

    public static void main(String[] args) {
        System.exit(ServerCommand.run(args));
    }
}
