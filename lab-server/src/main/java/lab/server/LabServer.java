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
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import lab.server.behavior.BehaviorPlanner;
import lab.server.connections.ConnectionPolicy;
import lab.server.connections.Connections;
import lab.server.http.LabServerInitializer;
import lab.server.script.Script;
import lab.server.http.ServerDescription;
import lab.server.live.LiveView;
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
    private final LiveView live;
    private final Connections connections;
    private final ConnectionPolicy policy;
    private final Script script;
    private final CountDownLatch stopped = new CountDownLatch(1);

    private LabServer(EventLoopGroup group, Channel channel, Ledger ledger, ServerConfig config, LiveView live,
                      Connections connections, ConnectionPolicy policy, Script script) {
        this.live = live;
        this.group = group;
        this.channel = channel;
        this.ledger = ledger;
        this.config = config;
        this.connections = connections;
        this.policy = policy;
        this.script = script;
    }

    /** Binds and starts serving, with the default {@link ConnectionPolicy}. */
    public static LabServer start(ServerConfig config) throws BindException, InterruptedException {
        return start(config, ConnectionPolicy.defaults());
    }

    /** Binds and starts serving; a {@link BindException} saying why if the port cannot be had. */
    public static LabServer start(ServerConfig config, ConnectionPolicy policy) throws BindException, InterruptedException {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(policy, "policy");
        Ledger ledger = new Ledger(config.limit(), Ticker.system());
        Connections connections = new Connections(policy.maxConnections());
        BehaviorPlanner planner = new BehaviorPlanner(config.latency(), config.faultRate(), config.seed());
        Script script = new Script();
        // The same threads accept, serve and run the latency timer: the handlers never block, so a
        // thread more than the cores it can have only adds switches (see ServerConfig.defaultIoThreads).
        Transport transport = Transport.best();
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(config.effectiveIoThreads(), transport.ioHandlers());
        LiveView live = null;
        try {
            live = LiveView.start(ledger, describe(config, transport), group.next());
            ChannelFuture bound = new ServerBootstrap()
                    .group(group)
                    .channel(transport.serverChannel())
                    .option(ChannelOption.SO_BACKLOG, 1024)
                    .childOption(ChannelOption.TCP_NODELAY, true)
                    .childHandler(new LabServerInitializer(ledger, planner, describe(config, transport), policy, connections,
                            live.handler(), script))
                    .bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), config.port()))
                    .await();
            if (!bound.isSuccess()) {
                throw cannotBind(config.port(), bound.cause());
            }
            return new LabServer(group, bound.channel(), ledger, config, live, connections, policy, script);
        } catch (BindException | RuntimeException | InterruptedException e) {
            if (live != null) {
                live.close();
            }
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

    public ConnectionPolicy policy() {
        return policy;
    }

    /** The open connections and the refused ones, the figures {@code /stats} adds as {@code connections} and {@code connections_refused}. */
    public Connections connections() {
        return connections;
    }

    /** The scripted ids: chosen ids with chosen fates ({@code --item}, {@code POST /script}), live. */
    public Script script() {
        return script;
    }

    /** Blocks until the server has stopped, by {@link #close()} or at the end of a {@link #drain(Duration)}. */
    public void awaitClose() throws InterruptedException {
        stopped.await();
    }

    /** What a drain found and left: requests in flight when it began, and those it had to cut off at the timeout. */
    public record Drained(int inFlightAtStart, int unanswered, long elapsedMs) {
    }

    /**
     * Stops gracefully: stops accepting at once, lets every connection finish the requests it has
     * in flight (each last answer carries {@code Connection: close}; idle connections are closed at
     * once), waits at most {@code timeout} for that, closes whatever is left and stops.
     */
    public Drained drain(Duration timeout) {
        long start = System.nanoTime();
        int inFlight = ledger.snapshot().inFlight();
        channel.close().syncUninterruptibly();
        int unanswered = 0;
        try {
            connections.drain().get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            unanswered = ledger.snapshot().inFlight();
            connections.closeAll(); // out of time: what is still in flight is cut off, and counted failed
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            throw new IllegalStateException("a drain cannot fail", e);
        }
        close();
        return new Drained(inFlight, unanswered, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
    }

    @Override
    public void close() {
        live.close();
        channel.close().syncUninterruptibly();
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
        stopped.countDown();
    }

    public static void main(String[] args) {
        System.exit(ServerCommand.run(args));
    }
}
