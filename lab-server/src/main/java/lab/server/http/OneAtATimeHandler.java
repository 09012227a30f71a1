package lab.server.http;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import java.util.ArrayDeque;

/**
 * Serves the requests of one connection one after another. HTTP/1.1 lets a client pipeline requests,
 * but responses must go back in order; with a drawn latency per request they would not. So a
 * pipelined request waits here, not yet accepted and holding no slot, until the response before it
 * has been written: the server's in-flight count is then never above what the client has outstanding.
 *
 * <pre>
 *   ... -> HttpObjectAggregator -> [OneAtATimeHandler] -> Router -> ConcurrencyLimitHandler -> ItemHandler
 * </pre>
 */
final class OneAtATimeHandler extends ChannelDuplexHandler {

    /** Beyond this many pipelined requests the client is misbehaving; the connection is closed. */
    static final int MAX_WAITING = 32;

    private final ArrayDeque<FullHttpRequest> waiting = new ArrayDeque<>();
    private boolean busy;

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof FullHttpRequest request)) {
            ctx.fireChannelRead(msg);
            return;
        }
        if (!busy) {
            busy = true;
            ctx.fireChannelRead(request);
        } else if (waiting.size() < MAX_WAITING) {
            waiting.add(request);
        } else {
            request.release();
            ctx.close();
        }
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        boolean endOfResponse = msg instanceof LastHttpContent;
        ctx.write(msg, promise);
        if (endOfResponse) {
            busy = false;
            if (!waiting.isEmpty()) {
                // Not from inside write(): the next request must not run in the stack of this response.
                ctx.executor().execute(() -> serveNext(ctx));
            }
        }
    }

    private void serveNext(ChannelHandlerContext ctx) {
        if (busy) {
            return;
        }
        FullHttpRequest next = waiting.poll();
        if (next == null) {
            return;
        }
        if (!ctx.channel().isActive()) {
            next.release();
            return;
        }
        busy = true;
        ctx.fireChannelRead(next);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        waiting.forEach(ReferenceCountUtil::release);
        waiting.clear();
        ctx.fireChannelInactive();
    }
}
