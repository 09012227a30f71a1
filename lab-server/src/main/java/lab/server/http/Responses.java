package lab.server.http;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;

/** Builds the server's responses: always a full message with its length, so keep-alive works. */
final class Responses {

    /** The body of every error: a machine-readable code and a sentence for people. */
    record ErrorBody(String error, String message) {
    }

    private Responses() {
    }

    static FullHttpResponse json(ByteBufAllocator alloc, HttpResponseStatus status, Object body) {
        return full(status, Json.write(alloc, body), HttpHeaderValues.APPLICATION_JSON);
    }

    /**
     * The 200 body, {@code {"id":"...","service_ms":N}}, written by hand: it is the one response on
     * the hot path, and an id is only ever {@code [A-Za-z0-9_-]}, so there is nothing to escape.
     * A JSON generator per response cost a measurable share of the request rate (see ServerBench).
     */
    static FullHttpResponse item(ByteBufAllocator alloc, String id, long serviceMs) {
        ByteBuf body = alloc.buffer(32 + id.length());
        body.writeCharSequence("{\"id\":\"", StandardCharsets.US_ASCII);
        body.writeCharSequence(id, StandardCharsets.US_ASCII);
        body.writeCharSequence("\",\"service_ms\":", StandardCharsets.US_ASCII);
        body.writeCharSequence(Long.toString(serviceMs), StandardCharsets.US_ASCII);
        body.writeByte('}');
        return full(HttpResponseStatus.OK, body, HttpHeaderValues.APPLICATION_JSON);
    }

    static FullHttpResponse error(ByteBufAllocator alloc, HttpResponseStatus status, String error, String message) {
        return json(alloc, status, new ErrorBody(error, message));
    }

    static FullHttpResponse text(ByteBufAllocator alloc, HttpResponseStatus status, String body, CharSequence contentType) {
        ByteBuf buf = alloc.buffer(body.length());
        buf.writeCharSequence(body, StandardCharsets.UTF_8);
        return full(status, buf, contentType);
    }

    private static FullHttpResponse full(HttpResponseStatus status, ByteBuf body, CharSequence contentType) {
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, body);
        response.headers()
                .set(HttpHeaderNames.CONTENT_TYPE, contentType)
                .setInt(HttpHeaderNames.CONTENT_LENGTH, body.readableBytes());
        return response;
    }
}
