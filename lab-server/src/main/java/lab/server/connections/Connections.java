package lab.server.connections;

import io.netty.channel.Channel;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * The open connections of one server: admission under {@code --max-connections}, the two figures
 * {@code /stats} reports ({@code connections} open now, {@code connections_refused}), and the list
 * a drain walks. Admission is per connection, not per request, so the atomics here cost nothing a
 * request can feel.
 *
 * <p>Not Netty's {@code ChannelGroup}: the cap needs a check-and-count in one step, and a drain
 * needs to know when the last connection has gone, neither of which a group offers; a concurrent
 * set of channels is all that is left of it.
 */
public final class Connections {

    /** The event a drain fires into every open connection's pipeline: finish what is owed, then close. */
    public static final Object DRAIN = new Object() {
        @Override
        public String toString() {
            return "DRAIN";
        }
    };

    private final int max;
    private final AtomicInteger open = new AtomicInteger();
    private final LongAdder refused = new LongAdder();
    private final Set<Channel> channels = ConcurrentHashMap.newKeySet();
    private final CompletableFuture<Void> allClosed = new CompletableFuture<>();
    private volatile boolean draining;

    public Connections(int max) {
        if (max < 1) {
            throw new IllegalArgumentException("max connections must be at least 1, got " + max);
        }
        this.max = max;
    }

    /**
     * Counts {@code channel} as open until it closes, if fewer than {@code max} are open and no drain
     * has begun; otherwise counts a refusal and returns false (the caller answers 503 and closes).
     */
    public boolean tryOpen(Channel channel) {
        for (int n = open.get(); ; n = open.get()) {
            if (draining || n >= max) {
                refused.increment();
                return false;
            }
            if (open.compareAndSet(n, n + 1)) {
                break;
            }
        }
        channels.add(channel);
        channel.closeFuture().addListener(f -> closed(channel));
        if (draining) { // admitted just as a drain began, perhaps after it walked the set: tell it too
            tellToDrain(channel);
        }
        return true;
    }

    private void closed(Channel channel) {
        channels.remove(channel);
        if (open.decrementAndGet() == 0 && draining) {
            allClosed.complete(null);
        }
    }

    public int max() {
        return max;
    }

    /** Connections open now, refused ones not counted. */
    public int open() {
        return open.get();
    }

    /** Connections refused since the last {@link #takeRefused()}. */
    public long refused() {
        return refused.sum();
    }

    /** The refusals so far, zeroing the count: what {@code POST /stats/reset} reports for the window it closes. */
    public long takeRefused() {
        return refused.sumThenReset();
    }

    public boolean draining() {
        return draining;
    }

    /**
     * Refuses every connection from now on, tells each open one to finish what it owes and close, and
     * returns a future that completes when the last has closed. The caller stops accepting first.
     */
    public CompletableFuture<Void> drain() {
        draining = true;
        channels.forEach(Connections::tellToDrain);
        if (open.get() == 0) {
            allClosed.complete(null);
        }
        return allClosed;
    }

    /** On the channel's own thread, after whatever it is doing now; a second telling is harmless. */
    private static void tellToDrain(Channel ch) {
        ch.eventLoop().execute(() -> ch.pipeline().fireUserEventTriggered(DRAIN));
    }

    /** Closes whatever is still open, at the end of a drain that ran out of time. */
    public void closeAll() {
        channels.forEach(Channel::close);
    }
}
