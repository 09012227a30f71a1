package lab.server.http;

import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.util.ReferenceCountUtil;

/**
 * The whole pipeline of a connection past {@code --max-connections} (or opened during a drain):
 * {@code 503} with {@code Connection: close} the moment it opens, before the client has sent
 * anything, then close. It never decodes a request, so it never reaches the limit or the figures.
 *
 * <pre>
 *   HttpResponseEncoder -> [RefusedConnectionHandler]
 * </pre>
 */
@Sharable
final class RefusedConnectionHandler extends ChannelInboundHandlerAdapter {

    private final int max;

    RefusedConnectionHandler(int max) {
        this.max = max;
    }

    /** Added to a channel already open (an accepted one): nothing to wait for. */
    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        FullHttpResponse refusal = Responses.error(ctx.alloc(), HttpResponseStatus.SERVICE_UNAVAILABLE, "too_many_connections",
                "this server keeps at most " + max + " connections open (--max-connections), or it is shutting down; try again later");
        refusal.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        ctx.writeAndFlush(refusal).addListener(ChannelFutureListener.CLOSE);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        ReferenceCountUtil.release(msg); // whatever the client sent before it saw the 503
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ctx.close(); // a client that resets a refused connection is no news
    }
}
