package lab.server.http;

import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.util.Objects;
import lab.server.stats.Ledger;
import lab.server.stats.Slot;

/**
 * Enforces the hard limit: an item request either takes a slot and goes on as an
 * {@link AdmittedRequest}, or is answered 429 at once. Nothing is ever queued, so a client over the
 * limit learns it in one round trip. {@code Retry-After} carries whole seconds (all HTTP allows);
 * the body adds {@code retry_after_ms}, a finer hint: the mean wait for the first busy slot to free
 * ({@link RetryHint}).
 *
 * <pre>
 *   ... -> Router -> [ConcurrencyLimitHandler] -> ItemHandler
 * </pre>
 */
@Sharable
final class ConcurrencyLimitHandler extends SimpleChannelInboundHandler<ItemRequest> {

    /** The 429 body: why, and when to come back. */
    record Rejection(String error, String message, int limit, long retryAfterMs) {
    }

    private final Ledger ledger;
    private final long retryAfterMs;

    ConcurrencyLimitHandler(Ledger ledger, long retryAfterMs) {
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.retryAfterMs = Math.max(1, retryAfterMs);
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, ItemRequest request) {
        Slot slot = ledger.tryAdmit();
        if (slot != null) {
            ctx.fireChannelRead(new AdmittedRequest(request, slot));
        } else {
            ctx.writeAndFlush(tooMany(ctx));
        }
    }

    private FullHttpResponse tooMany(ChannelHandlerContext ctx) {
        int limit = ledger.limit();
        FullHttpResponse response = Responses.json(ctx.alloc(), HttpResponseStatus.TOO_MANY_REQUESTS,
                new Rejection("too_many_requests", limit + " requests are already in flight, the most this server takes at once",
                        limit, retryAfterMs));
        response.headers().setInt(HttpHeaderNames.RETRY_AFTER, (int) Math.ceilDiv(retryAfterMs, 1000));
        return response;
    }
}
