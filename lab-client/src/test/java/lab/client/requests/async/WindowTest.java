package lab.client.requests.async;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import lab.client.requests.call.ItemClient;
import lab.server.support.Await;
import lab.client.support.TestServer;
import org.junit.jupiter.api.Test;

/** The window's ways to end: every id answered, a deadline, and a callback that throws. */
class WindowTest {

    private static final List<String> IDS = IntStream.rangeClosed(1, 30).mapToObj(Integer::toString).toList();

    @Test
    void aCallbackThatThrowsEndsTheWindowWithItsErrorInsteadOfHangingIt() throws Exception {
        try (TestServer server = TestServer.start(10, "fixed:5ms");
             ItemClient client = new ItemClient(server.base(), id -> id.equals("3") ? "" : "fail=hang")) {
            Window window = new Window(client, null, IDS, (i, r) -> {
                throw new IllegalStateException("a sink that breaks on " + r.id());
            });
            CompletableFuture<Void> all = window.start(10, null);

            assertThatThrownBy(() -> all.get(Await.BOUND.toSeconds(), TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class).hasRootCauseMessage("a sink that breaks on 3");
            // The other nine hang at the server: the failed window cancelled them.
            Await.require("the server's in_flight is 0 after the window failed", () -> server.stats().inFlight() == 0);
            assertThat(server.stats().accepted()).as("ids started after the window failed").isEqualTo(10);
        }
    }

    @Test
    void aDeadlineCancelsWhatIsInFlightAndAnswersEveryId() throws Exception {
        try (TestServer server = TestServer.start(10, "fixed:5ms");
             ItemClient client = new ItemClient(server.base(), id -> "fail=hang")) {
            String[] why = new String[IDS.size()];
            Window window = new Window(client, null, IDS, (i, r) -> why[i] = r.error());

            window.start(10, java.time.Duration.ofMillis(200)).get(Await.BOUND.toSeconds(), TimeUnit.SECONDS);

            assertThat(List.of(why).subList(0, 10)).containsOnly("cancelled at the deadline");
            assertThat(List.of(why).subList(10, 30)).containsOnly("not started before the deadline");
            Await.require("the server's in_flight is 0 after the deadline", () -> server.stats().inFlight() == 0);
        }
    }
}
