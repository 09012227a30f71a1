package lab.server.http;

import io.netty.channel.Channel;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpStatusClass;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.ScheduledFuture;
import io.netty.util.concurrent.Ticker;
import java.util.concurrent.TimeUnit;
import lab.server.connections.Connections;

/**
 * Keeps one connection from being held by a client that owes the server something: a request head
 * that never ends, or a keep-alive silence that never ends; and, on a drain, lets it finish what the
 * server owes it, then closes it.
 *
 * <p>Whose turn it is decides which clock runs. While a response is owed, none: a client waiting on
 * {@code delay_ms=60000} is not stalling. With nothing owed and nothing read since the last answer,
 * the connection is idle: {@link io.netty.handler.timeout.IdleStateHandler}, at the head of the
 * pipeline, fires after {@code --idle-timeout} without a byte either way, and this handler closes
 * the connection if it is still idle then. Once bytes of a head arrive (or from the opening, for a
 * new connection) the head's clock runs: if the head is not whole within {@code --header-timeout},
 * the client gets 408 and the connection is closed.
 *
 * <p>The head's clock is a deadline, not an idle timer, which is why it is not Netty's
 * {@code ReadTimeoutHandler} or {@code IdleStateHandler}: both restart at every byte read, and a
 * slowloris client sends a byte just often enough. Starting it per request would put a timer on the
 * hot path, so instead one check per connection re-arms itself at most {@code --header-timeout}
 * ahead; a request only stamps the time its head began. Since every head's clock starts after the
 * last check and the next check is never more than {@code --header-timeout} away, the check never
 * comes after a deadline.
 *
 * <pre>
 *   IdleStateHandler -> HttpServerCodec -> [ConnectionGuard] -> MalformedRequestHandler -> ...
 * </pre>
 */
final class ConnectionGuard extends ChannelDuplexHandler {

    private final long headerTimeoutNanos;
    private Ticker ticker;
    private ScheduledFuture<?> check;

    /** Request heads read and not yet answered. */
    private int owed;
    /** Nothing owed and nothing read since the last answer: the idle timeout's turn, not the head's. */
    private boolean idle;
    /** A request was decoded in the read now going on (cleared when the read completes). */
    private boolean reading;
    /** The connection went idle by an answer written during the read now going on, not after it. */
    private boolean idleInThisRead;
    /** When the head now awaited began: the opening, or the first read after an answer. */
    private long headSinceNanos;
    private boolean draining;
    /** The last answer (a 408, or the last one of a drain) has been sent with {@code Connection: close}. */
    private boolean closing;
    /** The last answer owed has been handed on and is not yet on the wire. */
    private boolean flushing;
    private final ChannelFutureListener answerSent = f -> onAnswerSent(f.channel()); // one per connection, not per answer

    ConnectionGuard(long headerTimeoutNanos) {
        if (headerTimeoutNanos <= 0) {
            throw new IllegalArgumentException("header timeout must be positive, got " + headerTimeoutNanos + " ns");
        }
        this.headerTimeoutNanos = headerTimeoutNanos;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        ticker = ctx.executor().ticker();
        headSinceNanos = ticker.nanoTime();
        armCheck(ctx, headerTimeoutNanos);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (closing) {
            ReferenceCountUtil.release(msg); // sent after our last answer: nobody will answer it
            return;
        }
        reading = true;
        if (msg instanceof HttpRequest) {
            owed++;
            idle = false;
        }
        ctx.fireChannelRead(msg);
    }

    /**
     * Fired after every read, even one that decoded nothing (part of a head). A read that finds the
     * connection idle since an earlier answer has brought the first bytes of a new head; one whose own
     * request was answered at once (a {@code /health}, a 429) leaves it idle. Any bytes of a next head
     * in that same read wait under the idle timeout instead, until the next read starts the head's clock.
     */
    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        if (idle && !idleInThisRead) {
            idle = false;
            headSinceNanos = ticker.nanoTime();
        }
        reading = false;
        idleInThisRead = false;
        ctx.fireChannelReadComplete();
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (msg instanceof HttpResponse r && r.status().codeClass() == HttpStatusClass.INFORMATIONAL) {
            ctx.write(msg, promise); // a 100 Continue: the real answer is still to come
            return;
        }
        if (draining && owed <= 1 && msg instanceof HttpResponse r) {
            r.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE); // the last answer of a drain
        }
        if (!(msg instanceof LastHttpContent)) {
            ctx.write(msg, promise);
            return;
        }
        owed = Math.max(0, owed - 1); // a 400 for a broken body answers no head of its own
        if (owed > 0) {
            ctx.write(msg, promise);
            return;
        }
        if (draining) {
            closing = true;
            ctx.write(msg, promise.unvoid()).addListener(ChannelFutureListener.CLOSE);
        } else {
            flushing = true;
            ctx.write(msg, promise.unvoid()).addListener(answerSent);
        }
    }

    /**
     * Idle from the moment the last answer is on the wire, not when it is handed on: a slow reader's
     * answer may sit in the outbound buffer, and it is still owed. (On a writable socket the write
     * completes within the flush, so a request answered at once still leaves its own read idle.)
     */
    private void onAnswerSent(Channel channel) {
        flushing = false;
        if (owed > 0) {
            return; // a pipelined head arrived meanwhile
        }
        if (draining) { // the drain began while this answer was on its way
            closing = true;
            channel.close();
            return;
        }
        idle = true;
        idleInThisRead = reading;
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        if (evt instanceof IdleStateEvent) {
            if (owed == 0 && idle && !closing) {
                ctx.close(); // silent keep-alive: nothing to answer, so no 408
            }
            return; // a slow answer or a stalled head: not the idle timeout's business
        }
        if (evt == Connections.DRAIN) {
            draining = true;
            if (owed == 0 && !flushing && !closing) {
                ctx.close(); // idle, or in the middle of a head no one has answered: nothing in flight
            }
            return;
        }
        ctx.fireUserEventTriggered(evt);
    }

    private void armCheck(ChannelHandlerContext ctx, long delayNanos) {
        check = ctx.executor().schedule(() -> checkHead(ctx), delayNanos, TimeUnit.NANOSECONDS);
    }

    private void checkHead(ChannelHandlerContext ctx) {
        if (!ctx.channel().isActive() || closing) {
            return;
        }
        if (owed > 0 || flushing || idle) {
            armCheck(ctx, headerTimeoutNanos); // no head is being awaited; look again within one timeout
            return;
        }
        long left = headSinceNanos + headerTimeoutNanos - ticker.nanoTime();
        if (left > 0) {
            armCheck(ctx, left);
            return;
        }
        closing = true;
        FullHttpResponse timeout = Responses.error(ctx.alloc(), HttpResponseStatus.REQUEST_TIMEOUT, "request_timeout",
                "no whole request head within " + TimeUnit.NANOSECONDS.toMillis(headerTimeoutNanos) + " ms (--header-timeout)");
        timeout.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        ctx.writeAndFlush(timeout).addListener(ChannelFutureListener.CLOSE);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        cancelCheck();
        ctx.fireChannelInactive();
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        cancelCheck();
    }

    private void cancelCheck() {
        if (check != null) {
            check.cancel(false);
            check = null;
        }
    }
}
