package lab.server.http;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOption;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.util.concurrent.ScheduledFuture;
import java.io.IOException;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import lab.server.behavior.Behavior;
import lab.server.behavior.BehaviorPlanner;
import lab.server.behavior.Fault;
import lab.server.stats.Outcome;
import lab.server.stats.Slot;

/**
 * Plays the slow API for one admitted request: draws its behaviour, waits its service time on the
 * event loop's timer, then answers. The slot is released <em>before</em> the response is written,
 * so a client that sends its next request only after reading this response can never find the slot
 * still taken. If the client closes the connection first (a timeout, a cancellation, a hang), the
 * slot is released the moment the close is seen, and the request counts as failed.
 *
 * <p>One instance per connection; {@link OneAtATimeHandler} guarantees at most one pending request.
 *
 * <pre>
 *   ... -> ConcurrencyLimitHandler -> [ItemHandler]
 * </pre>
 */
final class ItemHandler extends SimpleChannelInboundHandler<AdmittedRequest> {

    /** The body of an injected 500 or 503. */
    record InjectedFault(String error, String message, String id, long serviceMs) {
    }

    private final BehaviorPlanner planner;
    private Slot pending;
    private ScheduledFuture<?> timer;

    ItemHandler(BehaviorPlanner planner) {
        this.planner = Objects.requireNonNull(planner, "planner");
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, AdmittedRequest admitted) {
        Slot slot = admitted.slot();
        Behavior behavior = planner.plan(slot.sequence(), admitted.request().overrides());
        slot.charge(behavior.serviceMs());
        pending = slot;
        if (behavior.fault() == Fault.HANG) {
            return; // holds the slot until the client gives up and closes
        }
        String id = admitted.request().id();
        if (behavior.serviceMs() == 0) {
            answer(ctx, id, behavior);
        } else {
            timer = ctx.executor().schedule(() -> answer(ctx, id, behavior), behavior.serviceMs(), TimeUnit.MILLISECONDS);
        }
    }

    private void answer(ChannelHandlerContext ctx, String id, Behavior behavior) {
        Slot slot = pending;
        pending = null;
        timer = null;
        switch (behavior.fault()) {
            case NONE -> {
                slot.release(Outcome.ANSWERED_OK);
                ctx.writeAndFlush(Responses.item(ctx.alloc(), id, behavior.serviceMs()));
            }
            case ERROR_500, ERROR_503 -> {
                HttpResponseStatus status = behavior.fault() == Fault.ERROR_500
                        ? HttpResponseStatus.INTERNAL_SERVER_ERROR : HttpResponseStatus.SERVICE_UNAVAILABLE;
                slot.release(Outcome.ANSWERED_FAULT);
                ctx.writeAndFlush(Responses.json(ctx.alloc(), status, new InjectedFault("injected_fault",
                        "fault injected by the lab server (" + behavior.fault().word() + ")", id, behavior.serviceMs())));
            }
            case RESET -> { // an abortive close sends RST, as a crashed backend would
                slot.release(Outcome.UNANSWERED);
                ctx.channel().config().setOption(ChannelOption.SO_LINGER, 0);
                ctx.close();
            }
            case HANG -> throw new IllegalStateException("a hang is never answered");
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (pending != null) {
            if (timer != null) {
                timer.cancel(false);
                timer = null;
            }
            pending.release(Outcome.UNANSWERED);
            pending = null;
        }
        ctx.fireChannelInactive();
    }

    /** The last handler: a peer resetting its connection is routine in a load lab, anything else is worth one line. */
    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (!(cause instanceof IOException)) {
            System.err.println("lab-server: closing a connection after " + cause);
        }
        ctx.close();
    }
}
