package lab.server.http;

import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.netty.util.ReferenceCountUtil;

/**
 * Answers what the HTTP decoder could not make sense of, and closes the connection, since a broken
 * stream cannot be resynchronised: a bad request line or an HTTP version other than 1.0 and 1.1
 * gets 400, a request line over 4 KiB gets 414, headers over 8 KiB get 431. Such a request never
 * reaches the limit, so it can never hold a slot.
 *
 * <pre>
 *   HttpServerCodec -> [MalformedRequestHandler] -> HttpServerKeepAliveHandler -> ...
 * </pre>
 */
final class MalformedRequestHandler extends ChannelInboundHandlerAdapter {

    private boolean broken;

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (broken) {
            ReferenceCountUtil.release(msg); // the rest of a stream we already gave up on
            return;
        }
        HttpResponseStatus status = statusFor(msg);
        if (status == null) {
            ctx.fireChannelRead(msg);
            return;
        }
        broken = true;
        String why = why(msg);
        ReferenceCountUtil.release(msg);
        ctx.writeAndFlush(Responses.error(ctx.alloc(), status, "bad_request", why))
                .addListener(ChannelFutureListener.CLOSE);
    }

    private static HttpResponseStatus statusFor(Object msg) {
        if (msg instanceof HttpObject o && o.decoderResult().isFailure()) {
            Throwable cause = o.decoderResult().cause();
            if (cause instanceof TooLongHttpHeaderException) {
                return HttpResponseStatus.REQUEST_HEADER_FIELDS_TOO_LARGE;
            }
            if (cause instanceof TooLongHttpLineException) {
                return HttpResponseStatus.REQUEST_URI_TOO_LONG;
            }
            return HttpResponseStatus.BAD_REQUEST;
        }
        if (msg instanceof HttpRequest r && !isSupported(r.protocolVersion())) {
            return HttpResponseStatus.BAD_REQUEST;
        }
        return null;
    }

    private static boolean isSupported(HttpVersion v) {
        return v.equals(HttpVersion.HTTP_1_1) || v.equals(HttpVersion.HTTP_1_0);
    }

    private static String why(Object msg) {
        if (msg instanceof HttpObject o && o.decoderResult().isFailure()) {
            String detail = o.decoderResult().cause().getMessage();
            return "malformed request: " + (detail == null ? o.decoderResult().cause().getClass().getSimpleName() : detail);
        }
        return "unsupported HTTP version " + ((HttpRequest) msg).protocolVersion() + ": use HTTP/1.1 or HTTP/1.0";
    }
}
