package lab.server.http;

import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.util.List;
import java.util.Objects;
import lab.server.connections.Connections;
import lab.server.stats.Ledger;
import lab.server.stats.PrometheusText;
import lab.server.stats.ServerStats;
import lab.server.stats.Snapshot;

/**
 * Answers the lab's own endpoints at once ({@code /health}, {@code /stats}, {@code /stats/reset},
 * {@code /metrics}, 404, 405, 400) and passes a well-formed item request on as an {@link ItemRequest}.
 * Nothing answered here touches the limit, so these work even when every slot is taken.
 *
 * <pre>
 *   ... -> OneAtATimeHandler -> [Router] -> ConcurrencyLimitHandler -> ItemHandler
 * </pre>
 */
@Sharable
final class Router extends SimpleChannelInboundHandler<HttpRequest> {

    private final Ledger ledger;
    private final ServerDescription description;
    private final Connections connections;

    Router(Ledger ledger, ServerDescription description, Connections connections) {
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.description = Objects.requireNonNull(description, "description");
        this.connections = Objects.requireNonNull(connections, "connections");
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, HttpRequest request) {
        QueryStringDecoder uri = new QueryStringDecoder(request.uri());
        String path;
        try {
            path = uri.path(); // decoded here, lazily: a broken %-escape throws
        } catch (IllegalArgumentException e) {
            ctx.writeAndFlush(Responses.error(ctx.alloc(), HttpResponseStatus.BAD_REQUEST, "bad_request", "malformed request target: " + e.getMessage()));
            return;
        }
        HttpMethod method = request.method();
        if (path.startsWith(ItemQuery.PREFIX)) {
            if (!method.equals(HttpMethod.GET)) {
                ctx.writeAndFlush(notAllowed(ctx, "GET"));
                return;
            }
            try {
                ctx.fireChannelRead(ItemQuery.parse(uri));
            } catch (ItemQuery.BadItemRequest e) {
                ctx.writeAndFlush(Responses.error(ctx.alloc(), HttpResponseStatus.BAD_REQUEST, "bad_request", e.getMessage()));
            }
            return;
        }
        ctx.writeAndFlush(switch (path) {
            case "/health" -> method.equals(HttpMethod.GET) ? health(ctx) : notAllowed(ctx, "GET");
            case "/stats" -> method.equals(HttpMethod.GET) ? stats(ctx, ledger.snapshot(), connections.refused()) : notAllowed(ctx, "GET");
            case "/stats/reset" -> method.equals(HttpMethod.POST) ? reset(ctx, uri) : notAllowed(ctx, "POST");
            case "/metrics" -> method.equals(HttpMethod.GET) ? metrics(ctx) : notAllowed(ctx, "GET");
            default -> Responses.error(ctx.alloc(), HttpResponseStatus.NOT_FOUND, "not_found",
                    "no such path " + path + ": try GET /api/items/{id}, /stats, /metrics, /health or POST /stats/reset");
        });
    }

    private static FullHttpResponse health(ChannelHandlerContext ctx) {
        return Responses.json(ctx.alloc(), HttpResponseStatus.OK, new Health("ok"));
    }

    /** The ledger's figures, then the connections' ({@code connections} open now, {@code connections_refused}), then how the server was started. */
    private FullHttpResponse stats(ChannelHandlerContext ctx, Snapshot snapshot, long connectionsRefused) {
        return Responses.json(ctx.alloc(), HttpResponseStatus.OK,
                ServerStats.of(snapshot, connections.open(), connectionsRefused, description));
    }

    /**
     * Resets the figures and answers with those of the window it closes, read and reset in one step.
     * {@code ?rewind=false} lets the sequence of draws run on instead of rewinding it.
     */
    private FullHttpResponse reset(ChannelHandlerContext ctx, QueryStringDecoder uri) {
        List<String> rewind = uri.parameters().getOrDefault("rewind", List.of("true"));
        if (rewind.size() != 1 || !(rewind.get(0).equals("true") || rewind.get(0).equals("false"))) {
            return Responses.error(ctx.alloc(), HttpResponseStatus.BAD_REQUEST, "bad_request",
                    "rewind must be true or false, was " + String.join(",", rewind));
        }
        Ledger.Rewind how = rewind.get(0).equals("true") ? Ledger.Rewind.REWIND : Ledger.Rewind.RUN_ON;
        return stats(ctx, ledger.snapshotAndReset(how), connections.takeRefused());
    }

    private FullHttpResponse metrics(ChannelHandlerContext ctx) {
        String text = PrometheusText.render(ledger.snapshot()) + PrometheusText.connections(connections.open(), connections.refused());
        return Responses.text(ctx.alloc(), HttpResponseStatus.OK, text, PrometheusText.CONTENT_TYPE);
    }

    private static FullHttpResponse notAllowed(ChannelHandlerContext ctx, String allowed) {
        FullHttpResponse response = Responses.error(ctx.alloc(), HttpResponseStatus.METHOD_NOT_ALLOWED,
                "method_not_allowed", "this path takes " + allowed);
        response.headers().set(HttpHeaderNames.ALLOW, allowed);
        return response;
    }

    record Health(String status) {
    }
}
