package lab.server.http;

import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpServerExpectContinueHandler;
import io.netty.handler.codec.http.HttpServerKeepAliveHandler;
import java.util.Objects;
import lab.server.behavior.BehaviorPlanner;
import lab.server.script.Script;
import lab.server.stats.Ledger;

/**
 * Builds each connection's pipeline; one handler per concern. Typed on {@link Channel} so the
 * very same pipeline runs on an {@code EmbeddedChannel} in tests, with virtual time.
 *
 *
 * <pre>
 *   HttpServerCodec            bytes to HTTP; request line up to 4 KiB, headers up to 8 KiB
 *   MalformedRequestHandler    400 / 414 / 431 for what the codec could not parse, then close
 *   HttpServerKeepAliveHandler Connection: keep-alive or close, as the client asked
 *   HttpServerExpectContinueHandler  100 Continue for a client that asks before sending a body
 *   OneAtATimeHandler          pipelined requests wait, unaccepted, for the response before them;
 *                              bodies (no endpoint takes one) are released as they arrive
 *   ScriptEndpoint             GET / POST / DELETE /script: the scripted ids
 *   Router                     /health /stats /stats/reset /metrics 404 405 400; items go on
 *   ScriptedFates              a scripted id's fate, where its query has none
 *   ConcurrencyLimitHandler    a slot, or 429 at once
 *   ItemHandler                latency, faults, the answer; the slot released before the write
 * </pre>
 */
public final class LabServerInitializer extends ChannelInitializer<Channel> {

    static final int MAX_REQUEST_LINE = 4096;
    static final int MAX_HEADER_BYTES = 8192;

    private final BehaviorPlanner planner;
    private final Router router;
    private final ConcurrencyLimitHandler limiter;
    private final ScriptEndpoint scriptEndpoint;
    private final ScriptedFates scriptedFates;

    public LabServerInitializer(Ledger ledger, BehaviorPlanner planner, ServerDescription description) {
        this(ledger, planner, description, new Script());
    }

    /** The same, with chosen ids given chosen fates by {@code script}. */
    public LabServerInitializer(Ledger ledger, BehaviorPlanner planner, ServerDescription description, Script script) {
        this.planner = Objects.requireNonNull(planner, "planner");
        this.router = new Router(ledger, description);
        this.limiter = new ConcurrencyLimitHandler(ledger, planner.latency().medianMs());
        this.scriptEndpoint = new ScriptEndpoint(script);
        this.scriptedFates = new ScriptedFates(script);
    }

    @Override
    protected void initChannel(Channel ch) {
        ChannelPipeline p = ch.pipeline();
        p.addLast(new HttpServerCodec(new HttpDecoderConfig()
                .setMaxInitialLineLength(MAX_REQUEST_LINE)
                .setMaxHeaderSize(MAX_HEADER_BYTES)));
        p.addLast(new MalformedRequestHandler());
        p.addLast(new HttpServerKeepAliveHandler());
        p.addLast(new HttpServerExpectContinueHandler());
        p.addLast(new OneAtATimeHandler());
        p.addLast(scriptEndpoint);
        p.addLast(router);
        p.addLast(scriptedFates);
        p.addLast(limiter);
        p.addLast(new ItemHandler(planner));
    }
}
