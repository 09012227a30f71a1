package lab.server.bench;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpServerKeepAliveHandler;
import io.netty.handler.codec.http.HttpVersion;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import lab.server.ServerConfig;
import lab.server.Transport;

/**
 * The baseline for the server's bookkeeping cost: the smallest Netty HTTP server that answers like
 * lab-server does (same transport, same thread count, same codec, a JSON body of the same size), with
 * none of the limit, routing, draws or statistics. {@code --port N [--delay-ms D] [--io-threads T]};
 * with a delay it answers after D ms on the event loop's timer, the bare version of lab-server's wait.
 * Prints the same first line.
 */
public final class HelloNettyServer {

    private static final ByteBuf BODY = Unpooled.unreleasableBuffer(Unpooled.directBuffer().writeBytes(
            "{\"id\":\"bench\",\"service_ms\":0}".getBytes(StandardCharsets.UTF_8))).asReadOnly();

    private HelloNettyServer() {
    }

    public static void main(String[] args) throws InterruptedException {
        int port = Flags.integer(args, "--port", 0);
        long delayMs = Flags.integer(args, "--delay-ms", 0);
        int threads = Flags.integer(args, "--io-threads", ServerConfig.defaultIoThreads());
        Transport transport = Transport.best(); // lab-server's own choice, so the baseline differs only in the handlers
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(threads, transport.ioHandlers());
        try {
            Channel server = new ServerBootstrap().group(group).channel(transport.serverChannel())
                    .childOption(ChannelOption.TCP_NODELAY, true)
                    .childHandler(new ChannelInitializer<Channel>() {
                        @Override
                        protected void initChannel(Channel ch) {
                            ch.pipeline().addLast(new HttpServerCodec(), new HttpServerKeepAliveHandler(), new Hello(delayMs));
                        }
                    })
                    .bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port)).sync().channel();
            System.out.println("listening on http://127.0.0.1:" + ((InetSocketAddress) server.localAddress()).getPort());
            System.out.flush();
            server.closeFuture().sync();
        } finally {
            group.shutdownGracefully();
        }
    }

    private static final class Hello extends SimpleChannelInboundHandler<HttpObject> {
        private final long delayMs;

        Hello(long delayMs) {
            this.delayMs = delayMs;
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, HttpObject msg) {
            if (msg instanceof HttpRequest) {
                if (delayMs == 0) {
                    answer(ctx);
                } else {
                    ctx.executor().schedule(() -> answer(ctx), delayMs, TimeUnit.MILLISECONDS);
                }
            }
        }

        private static void answer(ChannelHandlerContext ctx) {
            FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK, BODY.duplicate());
            response.headers().set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON)
                    .setInt(HttpHeaderNames.CONTENT_LENGTH, BODY.readableBytes());
            ctx.writeAndFlush(response);
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close(); // load tools reset their connections when they stop
        }
    }
}
