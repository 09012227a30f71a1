package lab.server.http;

import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import java.util.Objects;
import lab.server.script.Script;

/**
 * Gives a scripted id its fate: an item request for it goes on with the {@link Script}'s overrides
 * where its query has none, before it reaches the limit, so {@code GET /api/items/7} with
 * {@code 7=delay:600ms} is admitted and served exactly like {@code GET /api/items/7?delay_ms=600}.
 *
 * <pre>
 *   ... -> Router -> [ScriptedFates] -> ConcurrencyLimitHandler -> ItemHandler
 * </pre>
 */
@Sharable
final class ScriptedFates extends SimpleChannelInboundHandler<ItemRequest> {

    private final Script script;

    ScriptedFates(Script script) {
        this.script = Objects.requireNonNull(script, "script");
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, ItemRequest request) {
        ctx.fireChannelRead(new ItemRequest(request.id(), script.overridesFor(request.id(), request.overrides())));
    }
}
