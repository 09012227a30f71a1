package lab.server.http;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpResponseEncoder;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpServerExpectContinueHandler;
import io.netty.handler.codec.http.HttpServerKeepAliveHandler;
import io.netty.handler.timeout.IdleStateHandler;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import lab.server.behavior.BehaviorPlanner;
import lab.server.connections.ConnectionPolicy;
import lab.server.connections.Connections;
import lab.server.script.Script;
import lab.server.stats.Ledger;

/**
 * Builds each connection's pipeline; one handler per concern. Typed on {@link Channel} so the
 * very same pipeline runs on an {@code EmbeddedChannel} in tests, with virtual time.
 *
 *
 * <pre>
 *   IdleStateHandler           an event after --idle-timeout without a byte either way
 *   HttpServerCodec            bytes to HTTP; request line up to 4 KiB, headers up to 8 KiB
 *   ConnectionGuard            408 for a head not whole within --header-timeout; closes a silent
 *                              keep-alive on the idle event; on a drain, the last answer, then close
 *   MalformedRequestHandler    400 / 414 / 431 for what the codec could not parse, then close
 *   HttpServerKeepAliveHandler Connection: keep-alive or close, as the client asked
 *   HttpServerExpectContinueHandler  100 Continue for a client that asks before sending a body
 *   OneAtATimeHandler          pipelined requests wait, unaccepted, for the response before them;
 *                              bodies (no endpoint takes one) are released as they arrive
 *   LiveViewHandler            (when given) the page at /, /events, /runs; see lab.server.live
 *   ScriptEndpoint             GET / POST / DELETE /script: the scripted ids
 *   Router                     /health /stats /stats/reset /metrics 404 405 400; items go on
 *   ScriptedFates              a scripted id's fate, where its query has none
 *   ConcurrencyLimitHandler    a slot, or 429 at once
 *   ItemHandler                latency, faults, the answer; the slot released before the write
 * </pre>
 *
 * A connection past {@code --max-connections} gets another pipeline, {@link RefusedConnectionHandler}: a 503 and close.
 */
public final class LabServerInitializer extends ChannelInitializer<Channel> {

    static final int MAX_REQUEST_LINE = 4096;
    static final int MAX_HEADER_BYTES = 8192;

    private final BehaviorPlanner planner;
    private final Router router;
    private final ConcurrencyLimitHandler limiter;
    private final ChannelHandler liveView; // null: no live view (the embedded tests' pipeline)
    private final Connections connections;
    private final ConnectionPolicy policy;
    private final RefusedConnectionHandler refuser;
    private final ScriptEndpoint scriptEndpoint;
    private final ScriptedFates scriptedFates;

    /** With the default connection policy: for tests of the request path. */
    public LabServerInitializer(Ledger ledger, BehaviorPlanner planner, ServerDescription description) {
        this(ledger, planner, description, ConnectionPolicy.defaults(), new Connections(ConnectionPolicy.defaults().maxConnections()),
                null, new Script());
    }

    /**
     * {@code liveView}, the live view's sharable handler placed before the router, or null for none;
     * {@code script}, the chosen ids given chosen fates.
     */
    public LabServerInitializer(Ledger ledger, BehaviorPlanner planner, ServerDescription description,
                                ConnectionPolicy policy, Connections connections, ChannelHandler liveView, Script script) {
        this.liveView = liveView;
        this.planner = Objects.requireNonNull(planner, "planner");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.connections = Objects.requireNonNull(connections, "connections");
        this.router = new Router(ledger, description, connections);
        this.limiter = new ConcurrencyLimitHandler(ledger, RetryHint.ms(planner, ledger.limit()));
        this.refuser = new RefusedConnectionHandler(connections.max());
        this.scriptEndpoint = new ScriptEndpoint(script);
        this.scriptedFates = new ScriptedFates(script);
    }

    @Override
    protected void initChannel(Channel ch) {
        ChannelPipeline p = ch.pipeline();
        if (!connections.tryOpen(ch)) {
            p.addLast(new HttpResponseEncoder(), refuser);
            return;
        }
        p.addLast(new IdleStateHandler(0, 0, policy.idleTimeout().toNanos(), TimeUnit.NANOSECONDS));
        p.addLast(new HttpServerCodec(new HttpDecoderConfig()
                .setMaxInitialLineLength(MAX_REQUEST_LINE)
                .setMaxHeaderSize(MAX_HEADER_BYTES)));
        p.addLast(new ConnectionGuard(policy.headerTimeout().toNanos()));
        p.addLast(new MalformedRequestHandler());
        p.addLast(new HttpServerKeepAliveHandler());
        p.addLast(new HttpServerExpectContinueHandler());
        p.addLast(new OneAtATimeHandler());
        if (liveView != null) {
            p.addLast(liveView);
        }
        p.addLast(scriptEndpoint);
        p.addLast(router);
        p.addLast(scriptedFates);
        p.addLast(limiter);
        p.addLast(new ItemHandler(planner));
    }
}
