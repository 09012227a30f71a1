package lab.server.http;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import lab.server.script.Script;
import lab.server.behavior.BehaviorPlanner;
import lab.server.behavior.LatencyModel;
import lab.server.connections.ConnectionPolicy;
import lab.server.connections.Connections;
import lab.server.stats.Ledger;
import lab.server.stats.Snapshot;

/**
 * The server's real pipeline on {@link EmbeddedChannel}s with frozen time: each {@link #connect()}
 * is one client connection, all sharing one ledger, and the latency timer only fires when the test
 * moves time forward.
 */
final class EmbeddedLab {

    record Response(int status, Map<String, String> headers, String body) {
        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    final Ledger ledger;
    final Connections connections;
    private final LabServerInitializer initializer;
    private final List<EmbeddedChannel> channels = new ArrayList<>();

    EmbeddedLab(int limit, String latency) {
        this(limit, latency, ConnectionPolicy.defaults());
    }

    EmbeddedLab(int limit, String latency, ConnectionPolicy policy) {
        ledger = new Ledger(limit, System::nanoTime);
        connections = new Connections(policy.maxConnections());
        LatencyModel model = LatencyModel.parse(latency);
        initializer = new LabServerInitializer(ledger, new BehaviorPlanner(model, 0, 42),
                new ServerDescription(limit, model.spec(), 0, 42, "embedded", 1), policy, connections, null, new Script());
    }

    /** Time is frozen before the pipeline is built, so that clocks its handlers start at the opening start in virtual time. */
    EmbeddedChannel connect() {
        EmbeddedChannel ch = new EmbeddedChannel();
        ch.freezeTime();
        ch.pipeline().addLast(initializer);
        channels.add(ch);
        return ch;
    }

    static void send(EmbeddedChannel ch, String raw) {
        ch.writeInbound(Unpooled.copiedBuffer(raw, StandardCharsets.ISO_8859_1));
    }

    static void get(EmbeddedChannel ch, String target) {
        send(ch, "GET " + target + " HTTP/1.1\r\nHost: lab\r\n\r\n");
    }

    /** Moves every connection's clock forward and runs what fell due, then what that scheduled. */
    void advance(long ms) {
        for (EmbeddedChannel ch : channels) {
            ch.advanceTimeBy(ms, TimeUnit.MILLISECONDS);
            ch.runScheduledPendingTasks();
            ch.runPendingTasks();
        }
    }

    /** The responses written so far on {@code ch} (and not read before), parsed off the wire bytes. */
    static List<Response> responses(EmbeddedChannel ch) {
        StringBuilder wire = new StringBuilder();
        for (ByteBuf buf = ch.readOutbound(); buf != null; buf = ch.readOutbound()) {
            wire.append(buf.toString(StandardCharsets.UTF_8));
            buf.release();
        }
        return parse(wire.toString());
    }

    Snapshot stats() {
        return ledger.snapshot();
    }

    private static List<Response> parse(String wire) {
        List<Response> out = new ArrayList<>();
        int at = 0;
        while (at < wire.length()) {
            int headEnd = wire.indexOf("\r\n\r\n", at);
            String[] lines = wire.substring(at, headEnd).split("\r\n");
            Map<String, String> headers = new LinkedHashMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                headers.put(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).strip());
            }
            int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
            int bodyStart = headEnd + 4;
            out.add(new Response(Integer.parseInt(lines[0].split(" ")[1]), headers, wire.substring(bodyStart, bodyStart + length)));
            at = bodyStart + length;
        }
        return out;
    }
}
