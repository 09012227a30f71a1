package lab.server.http;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.LastHttpContent;
import java.util.ArrayDeque;

/**
 * Serves the requests of one connection one after another, as request heads. HTTP/1.1 lets a client
 * pipeline requests, but responses must go back in order; with a drawn latency per request they
 * would not. So a pipelined request waits here, not yet accepted and holding no slot, until the
 * response before it has been written: the server's in-flight count is then never above what the
 * client has outstanding.
 *
 * <p>No endpoint of the lab reads a body, so bodies are released here piece by piece as they arrive:
 * nothing is aggregated, and a large body costs no memory. (An aggregator in this place cost a
 * measurable share of the request rate: a composite buffer per request for bodies that are empty.)
 *
 * <pre>
 *   ... -> HttpServerExpectContinueHandler -> [OneAtATimeHandler] -> Router -> ConcurrencyLimitHandler -> ItemHandler
 * </pre>
 */
final class OneAtATimeHandler extends ChannelDuplexHandler {

    /** Beyond this many pipelined requests the client is misbehaving; the connection is closed. */
    static final int MAX_WAITING = 32;

    private final ArrayDeque<HttpRequest> waiting = new ArrayDeque<>();
    private boolean busy;

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof HttpContent body) {
            body.release(); // a body nobody reads; see the class comment
            return;
        }
        if (!(msg instanceof HttpRequest request)) {
            ctx.fireChannelRead(msg);
            return;
        }
        if (!busy) {
            busy = true;
            ctx.fireChannelRead(request);
        } else if (waiting.size() < MAX_WAITING) {
            waiting.add(request);
        } else {
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
        HttpRequest next = waiting.poll();
        if (next == null || !ctx.channel().isActive()) {
            return;
        }
        busy = true;
        ctx.fireChannelRead(next);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        waiting.clear();
        ctx.fireChannelInactive();
    }
}
