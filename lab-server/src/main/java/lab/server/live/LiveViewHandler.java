package lab.server.live;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import lab.server.http.Json;

/**
 * Answers the live view's paths and passes every other request on untouched; nothing answered here
 * touches the limit or the figures, so the page works when every slot is taken.
 *
 * <pre>
 *   GET  /                        the page (and its files under /live/)
 *   GET  /events                  server-sent events: server, run, window (see LiveFeed)
 *   GET  /runs                    the announced runs, JSON
 *   POST /runs?name=N[&amp;detail=D]  announce a run; answers {"id":...,"name":...}
 *   POST /runs/{id}/end           end it
 * </pre>
 *
 * It sits before the router, so it looks at every request: a few character comparisons on the
 * request target decide, and an item request goes on without a URI being decoded twice.
 *
 * <pre>
 *   ... -> OneAtATimeHandler -> [LiveViewHandler] -> Router -> ...
 * </pre>
 */
@Sharable
final class LiveViewHandler extends ChannelInboundHandlerAdapter {

    static final int MAX_NAME = 100;
    static final int MAX_DETAIL = 300;
    private static final Pattern RUN_END = Pattern.compile("/runs/(\\d{1,18})/end");
    /** The page may load from this server only: the browser itself then refuses anything from elsewhere. */
    private static final String POLICY = "default-src 'self'; img-src 'self' data:";

    record Problem(String error, String message) {
    }

    private final Assets assets;
    private final LiveFeed feed;
    private final RunLog runs;

    LiveViewHandler(Assets assets, LiveFeed feed, RunLog runs) {
        this.assets = Objects.requireNonNull(assets, "assets");
        this.feed = Objects.requireNonNull(feed, "feed");
        this.runs = Objects.requireNonNull(runs, "runs");
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof HttpRequest request && isLive(request.uri())) {
            serve(ctx, request);
        } else {
            ctx.fireChannelRead(msg);
        }
    }

    /** The live view's targets, told apart from /api/items/..., /stats and the rest by their first characters. */
    static boolean isLive(String target) {
        return target.equals("/") || target.startsWith("/?") || target.startsWith("/live/")
                || startsWithPath(target, "/events") || startsWithPath(target, "/runs");
    }

    private static boolean startsWithPath(String target, String path) {
        if (!target.startsWith(path)) {
            return false;
        }
        if (target.length() == path.length()) {
            return true;
        }
        char next = target.charAt(path.length());
        return next == '?' || next == '/';
    }

    private void serve(ChannelHandlerContext ctx, HttpRequest request) {
        QueryStringDecoder uri = new QueryStringDecoder(request.uri());
        String path = uri.path();
        HttpMethod method = request.method();
        Matcher end = RUN_END.matcher(path);
        if (path.equals("/events")) {
            if (method.equals(HttpMethod.GET)) {
                feed.watch(ctx.channel(), request.headers().get("Last-Event-ID"));
            } else {
                ctx.writeAndFlush(notAllowed("GET"));
            }
        } else if (path.equals("/runs")) {
            ctx.writeAndFlush(method.equals(HttpMethod.GET) ? json(HttpResponseStatus.OK, Map.of("runs", runs.all()))
                    : method.equals(HttpMethod.POST) ? startRun(uri.parameters()) : notAllowed("GET, POST"));
        } else if (end.matches()) {
            ctx.writeAndFlush(method.equals(HttpMethod.POST) ? endRun(Long.parseLong(end.group(1))) : notAllowed("POST"));
        } else {
            Assets.Asset asset = assets.get(path);
            if (asset == null) {
                ctx.writeAndFlush(json(HttpResponseStatus.NOT_FOUND, new Problem("not_found", "no such file of the live view: " + path)));
            } else if (!method.equals(HttpMethod.GET) && !method.equals(HttpMethod.HEAD)) {
                ctx.writeAndFlush(notAllowed("GET"));
            } else {
                ctx.writeAndFlush(file(asset, method.equals(HttpMethod.HEAD)));
            }
        }
    }

    private FullHttpResponse startRun(Map<String, List<String>> params) {
        String name = one(params, "name");
        String detail = one(params, "detail");
        if (name == null || name.isBlank() || name.length() > MAX_NAME) {
            return badRequest("POST /runs needs ?name= of 1 to " + MAX_NAME + " characters, such as ?name=requests%20bounded");
        }
        if (detail != null && detail.length() > MAX_DETAIL) {
            return badRequest("detail= takes at most " + MAX_DETAIL + " characters");
        }
        RunLog.Run run = runs.start(name.strip(), detail == null ? "" : detail.strip());
        feed.announce(run);
        return json(HttpResponseStatus.OK, run);
    }

    private FullHttpResponse endRun(long id) {
        RunLog.Run run = runs.end(id);
        if (run == null) {
            return json(HttpResponseStatus.NOT_FOUND, new Problem("not_found", "no run " + id + " (GET /runs lists them)"));
        }
        feed.announce(run);
        return json(HttpResponseStatus.OK, run);
    }

    private static String one(Map<String, List<String>> params, String key) {
        List<String> values = params.get(key);
        return values == null || values.isEmpty() ? null : values.getFirst();
    }

    private static FullHttpResponse file(Assets.Asset asset, boolean headOnly) {
        FullHttpResponse r = full(HttpResponseStatus.OK, headOnly ? Unpooled.EMPTY_BUFFER : Unpooled.wrappedBuffer(asset.bytes()),
                asset.contentType());
        r.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, asset.bytes().length)
                .set(HttpHeaderNames.CONTENT_SECURITY_POLICY, POLICY);
        return r;
    }

    private static FullHttpResponse badRequest(String message) {
        return json(HttpResponseStatus.BAD_REQUEST, new Problem("bad_request", message));
    }

    private static FullHttpResponse notAllowed(String allowed) {
        FullHttpResponse r = json(HttpResponseStatus.METHOD_NOT_ALLOWED, new Problem("method_not_allowed", "this path takes " + allowed));
        r.headers().set(HttpHeaderNames.ALLOW, allowed);
        return r;
    }

    private static FullHttpResponse json(HttpResponseStatus status, Object body) {
        try {
            return full(status, Unpooled.wrappedBuffer(Json.MAPPER.writeValueAsBytes(body)), HttpHeaderValues.APPLICATION_JSON.toString());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + body, e);
        }
    }

    private static FullHttpResponse full(HttpResponseStatus status, ByteBuf body, String contentType) {
        FullHttpResponse r = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, body);
        r.headers().set(HttpHeaderNames.CONTENT_TYPE, contentType)
                .set(HttpHeaderNames.CACHE_CONTROL, HttpHeaderValues.NO_CACHE)
                .setInt(HttpHeaderNames.CONTENT_LENGTH, body.readableBytes());
        return r;
    }
}
