package lab.client.requests.call;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import lab.server.support.Await;
import lab.client.support.TestServer;
import org.junit.jupiter.api.Test;

/** The HTTP client's promise that cancellation is real, judged by the server's in_flight. */
class ItemClientTest {

    @Test
    void cancellingAnAsyncCallAbortsTheExchangeAndFreesTheServersSlot() {
        try (TestServer server = TestServer.start(10, "fixed:1ms");
             ItemClient client = new ItemClient(server.base(), id -> "fail=hang")) {
            CompletableFuture<Attempt> call = client.callAsync("1", null);
            Await.require("the server holds the hanging request", () -> server.stats().inFlight() == 1);

            call.cancel(true);

            Await.require("the server frees the slot of the cancelled call", () -> server.stats().inFlight() == 0);
            assertThat(server.stats().failed()).as("the abandoned request counts as failed").isEqualTo(1);
        }
    }

    @Test
    void interruptingABlockingCallAbortsTheExchangeToo() throws Exception {
        try (TestServer server = TestServer.start(10, "fixed:1ms");
             ItemClient client = new ItemClient(server.base(), id -> "fail=hang")) {
            Thread caller = Thread.ofVirtual().start(() -> {
                try {
                    client.call("1", null);
                } catch (InterruptedException expected) {
                    // the point of the test
                }
            });
            Await.require("the server holds the hanging request", () -> server.stats().inFlight() == 1);

            caller.interrupt();

            Await.require("the server frees the slot of the interrupted call", () -> server.stats().inFlight() == 0);
        }
    }
}
