package lab.server.live;

import io.netty.channel.ChannelHandler;
import io.netty.util.concurrent.EventExecutor;
import lab.server.http.ServerDescription;
import lab.server.stats.Ledger;

/**
 * The live view of a lab-server: the page at {@code GET /}, its stream at {@code GET /events} and
 * the run markers at {@code /runs}. Start one per server; put {@link #handler()} in every
 * connection's pipeline before the router; close it with the server.
 */
public final class LiveView implements AutoCloseable {

    private final LiveFeed feed;
    private final LiveViewHandler handler;

    private LiveView(LiveFeed feed, LiveViewHandler handler) {
        this.feed = feed;
        this.handler = handler;
    }

    /** Starts the once-a-second windows on {@code executor}, one of the server's event loops. */
    public static LiveView start(Ledger ledger, ServerDescription description, EventExecutor executor) {
        RunLog runs = new RunLog(System::currentTimeMillis);
        LiveFeed feed = new LiveFeed(ledger, description, executor, System::currentTimeMillis, runs);
        LiveViewHandler handler = new LiveViewHandler(new Assets(), feed, runs);
        feed.start();
        return new LiveView(feed, handler);
    }

    /** The pipeline handler that answers the live view's paths and passes every other request on; sharable. */
    public ChannelHandler handler() {
        return handler;
    }

    @Override
    public void close() {
        feed.close();
    }
}
