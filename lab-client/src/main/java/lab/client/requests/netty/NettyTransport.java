package lab.client.requests.netty;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import lab.client.requests.call.KeptPool;
import lab.client.requests.call.Transport;

/**
 * Netty's HTTP/1.1 client codec on one event loop, for the same blocking calls from virtual threads
 * as {@code KeepAliveTransport}: a pool of idle channels, one exchange per channel at a time. The
 * kept library beside the hand-written client and the JDK's {@code HttpClient}: the same strategies
 * on each, so that the three measure what an HTTP client's machinery costs per request.
 *
 * <p>Cancellation: a caller interrupted while waiting, or whose timeout passes, closes the channel
 * (the server sees the close and frees the slot) and never puts it back. A channel kept idle for
 * over {@link #MAX_IDLE}, or closed by the server meanwhile, is dropped; a request that finds its
 * reused channel closed before any answer arrives is sent once more on a new one, as the server
 * cannot have accepted it.
 */
public final class NettyTransport implements Transport {

    static final Duration MAX_IDLE = Duration.ofSeconds(2);
    private static final int CONNECT_TIMEOUT_MS = 5_000;

    private final EventLoopGroup loop = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    private final Bootstrap bootstrap;
    private final String host;
    private final KeptPool<Exchange> pool = new KeptPool<>(this::connect, MAX_IDLE);

    public NettyTransport(URI base) {
        int port = base.getPort() == -1 ? 80 : base.getPort();
        this.host = base.getHost() + ":" + port;
        this.bootstrap = new Bootstrap().group(loop).channel(NioSocketChannel.class).remoteAddress(base.getHost(), port)
                .option(ChannelOption.TCP_NODELAY, true).option(ChannelOption.CONNECT_TIMEOUT_MILLIS, CONNECT_TIMEOUT_MS)
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast(new HttpClientCodec(), new Exchange(ch));
                    }
                });
    }

    @Override
    public Reply get(String pathAndQuery, Duration timeout) throws IOException, InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException("cancelled before sending");
        }
        long deadline = timeout == null ? Long.MAX_VALUE : System.nanoTime() + timeout.toNanos();
        while (true) {
            Exchange ex = pool.take(deadline);
            try {
                Reply reply = ex.send(pathAndQuery, host, deadline);
                pool.release(ex);
                return reply;
            } catch (ClosedBeforeAnswer e) {
                pool.discard(ex);
                if (!ex.reused()) {
                    throw e;
                }
                // a stale kept channel: the request never reached the server, so send it again
            } catch (IOException | InterruptedException | RuntimeException e) {
                pool.discard(ex); // closing the channel is what aborts the exchange on the server's side
                throw e;
            }
        }
    }

    @Override
    public void warmUp(int connections) {
        pool.warmUp(connections, System.nanoTime() + TimeUnit.SECONDS.toNanos(5), (ex, deadline) -> ex.send("/health", host, deadline));
    }

    @Override
    public void close() {
        pool.close();
        loop.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
    }

    private Exchange connect(long deadline) throws IOException, InterruptedException {
        ChannelFuture connecting = bootstrap.connect();
        long waitNanos = Math.min(deadline - System.nanoTime(), TimeUnit.MILLISECONDS.toNanos(CONNECT_TIMEOUT_MS + 1_000L));
        boolean done;
        try {
            done = connecting.await(Math.max(0, waitNanos), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            connecting.channel().close(); // a connection that completes after the caller left would leak
            throw e;
        }
        if (!done) {
            connecting.channel().close();
            throw new SocketTimeoutException("no connection to " + host + " in time");
        }
        if (!connecting.isSuccess()) {
            ConnectException refused = new ConnectException("cannot connect to " + host + ": " + connecting.cause().getMessage());
            refused.initCause(connecting.cause());
            throw refused;
        }
        return connecting.channel().pipeline().get(Exchange.class);
    }

    /** The channel closed, or a write failed, before any answer: safe to send again on another. */
    static final class ClosedBeforeAnswer extends IOException {
        ClosedBeforeAnswer(Throwable cause) {
            super("the connection closed before an answer", cause);
        }
    }

    /**
     * A channel's exchanges, one at a time: the answer's status and headers, then its body, handed
     * to the waiting caller whole. {@link #channelRead0} and the other callbacks run on the event
     * loop; the fields the caller reads between exchanges are written before the answer completes
     * (the future publishes them).
     */
    private static final class Exchange extends SimpleChannelInboundHandler<HttpObject> implements KeptPool.Kept {
        private final Channel channel;
        private final ByteArrayOutputStream body = new ByteArrayOutputStream(64);
        private CompletableFuture<Reply> answer;
        private HttpResponse head;
        private int exchanges;
        private volatile boolean keepAlive = true;
        private volatile long idleSince = System.nanoTime();

        Exchange(Channel channel) {
            this.channel = channel;
        }

        /** One {@code GET}, waited for until {@code deadline}; a timeout is a {@link SocketTimeoutException}. */
        Reply send(String pathAndQuery, String host, long deadline) throws IOException, InterruptedException {
            CompletableFuture<Reply> next = new CompletableFuture<>();
            synchronized (this) {
                answer = next;
            }
            exchanges++;
            FullHttpRequest request = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, pathAndQuery, Unpooled.EMPTY_BUFFER);
            request.headers().set(HttpHeaderNames.HOST, host);
            channel.writeAndFlush(request).addListener(written -> {
                if (!written.isSuccess()) {
                    next.completeExceptionally(new ClosedBeforeAnswer(written.cause()));
                }
            });
            try {
                return deadline == Long.MAX_VALUE ? next.get() : next.get(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                throw new SocketTimeoutException("no answer in time");
            } catch (ExecutionException e) {
                throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
            }
        }

        boolean reused() {
            return exchanges > 1;
        }

        @Override
        public boolean keepAlive() {
            return keepAlive && channel.isActive();
        }

        @Override
        public boolean suspect(long maxIdleNanos) {
            return !channel.isActive() || System.nanoTime() - idleSince > maxIdleNanos;
        }

        @Override
        public void close() {
            channel.close();
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, HttpObject msg) {
            if (msg instanceof HttpResponse r) {
                head = r;
                body.reset();
            }
            if (msg instanceof HttpContent c) {
                body.writeBytes(ByteBufUtil.getBytes(c.content()));
            }
            if (msg instanceof LastHttpContent && head != null) {
                keepAlive = HttpUtil.isKeepAlive(head);
                idleSince = System.nanoTime();
                String retryAfter = head.headers().get(HttpHeaderNames.RETRY_AFTER);
                Reply reply = new Reply(head.status().code(), body.toString(StandardCharsets.UTF_8), seconds(retryAfter));
                head = null;
                finish(a -> a.complete(reply));
            }
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            boolean answering = head != null;
            finish(a -> a.completeExceptionally(answering ? new IOException("the connection closed mid-answer")
                    : new ClosedBeforeAnswer(null)));
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            finish(a -> a.completeExceptionally(cause instanceof IOException io ? io : new IOException(cause)));
            ctx.close();
        }

        private void finish(Consumer<CompletableFuture<Reply>> how) {
            CompletableFuture<Reply> a;
            synchronized (this) {
                a = answer;
                answer = null;
            }
            if (a != null) {
                how.accept(a);
            }
        }

        private static long seconds(String header) {
            try {
                return header == null ? -1 : Long.parseLong(header.strip());
            } catch (NumberFormatException e) {
                return -1;
            }
        }
    }
}
