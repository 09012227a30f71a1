package lab.server.http;

import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import lab.server.script.Fate;
import lab.server.script.Script;

/**
 * The admin endpoint of the {@link Script}: {@code GET /script} lists the scripted ids,
 * {@code POST /script?7=delay:600ms&3=fail:hang} adds (or replaces) fates, {@code DELETE /script}
 * clears them. The fates ride in the query because no endpoint of the lab reads a body (see
 * {@link OneAtATimeHandler}). A bad entry is a 400 and changes nothing. Every other request goes on
 * to the {@link Router}; nothing here touches the limit or the figures.
 *
 * <pre>
 *   ... -> OneAtATimeHandler -> [ScriptEndpoint] -> Router -> ScriptedFates -> ConcurrencyLimitHandler -> ItemHandler
 * </pre>
 */
@Sharable
final class ScriptEndpoint extends ChannelInboundHandlerAdapter {

    static final String PATH = "/script";

    /** What {@code GET /script} answers: each scripted id and its fate. */
    record Listing(Map<String, String> items) {
    }

    private final Script script;

    ScriptEndpoint(Script script) {
        this.script = Objects.requireNonNull(script, "script");
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof HttpRequest request)) {
            ctx.fireChannelRead(msg);
            return;
        }
        // Matched on the raw target, not a decoded one: decoding throws on a broken %-escape, and
        // such a target is the router's to answer with a 400, whatever path it was meant to be.
        String target = request.uri();
        if (!target.equals(PATH) && !target.startsWith(PATH + "?")) {
            ctx.fireChannelRead(msg);
            return;
        }
        QueryStringDecoder uri = new QueryStringDecoder(target);
        HttpMethod method = request.method();
        ctx.writeAndFlush(method.equals(HttpMethod.GET) ? listing(ctx)
                : method.equals(HttpMethod.POST) ? add(ctx, uri) // add answers a broken %-escape in the query with 400
                : method.equals(HttpMethod.DELETE) ? clear(ctx)
                : notAllowed(ctx));
    }

    private FullHttpResponse listing(ChannelHandlerContext ctx) {
        return Responses.json(ctx.alloc(), HttpResponseStatus.OK, new Listing(script.entries()));
    }

    /** All entries are read before any is applied, so a bad one leaves the script as it was. */
    private FullHttpResponse add(ChannelHandlerContext ctx, QueryStringDecoder uri) {
        List<Map.Entry<String, Fate>> entries = new ArrayList<>();
        try {
            for (Map.Entry<String, List<String>> p : uri.parameters().entrySet()) {
                for (String fate : p.getValue()) {
                    entries.add(Script.entry(p.getKey(), fate));
                }
            }
        } catch (IllegalArgumentException e) {
            return Responses.error(ctx.alloc(), HttpResponseStatus.BAD_REQUEST, "bad_request", e.getMessage());
        }
        if (entries.isEmpty()) {
            return Responses.error(ctx.alloc(), HttpResponseStatus.BAD_REQUEST, "bad_request",
                    "nothing to script: POST /script?ID=FATE&..., such as /script?7=delay:600ms&3=fail:hang");
        }
        entries.forEach(e -> script.put(e.getKey(), e.getValue()));
        return listing(ctx);
    }

    private FullHttpResponse clear(ChannelHandlerContext ctx) {
        script.clear();
        return listing(ctx);
    }

    private static FullHttpResponse notAllowed(ChannelHandlerContext ctx) {
        FullHttpResponse response = Responses.error(ctx.alloc(), HttpResponseStatus.METHOD_NOT_ALLOWED,
                "method_not_allowed", "this path takes GET, POST or DELETE");
        response.headers().set(HttpHeaderNames.ALLOW, "GET, POST, DELETE");
        return response;
    }
}
