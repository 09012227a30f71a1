package lab.client.requests.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import lab.server.stats.ServerStats;
import lab.client.requests.call.ItemClient;
import lab.client.requests.strategy.Result;
import lab.client.requests.strategy.Settings;
import lab.client.requests.virtual.Retrying;
import lab.server.support.Await;
import lab.client.support.TestServer;
import org.junit.jupiter.api.Test;

/** An id cut off at the deadline in the middle of its retries reports every attempt the server saw. */
class CutOffAttemptsTest {

    @Test
    void aTaskCutOffAfterRetriesCountsItsAttemptsAsTheServerDid() throws Exception {
        try (TestServer server = TestServer.start(10, "fixed:30ms");
             ItemClient client = new ItemClient(server.base(), id -> "fail=503")) {
            // Always 503, retried up to 100 times with a 20 ms backoff doubling: the deadline comes first.
            Settings settings = new Settings(client, 10, null, Duration.ofMillis(400), 100);
            List<Result> results = new Retrying(settings).run(List.of("1"), r -> { });

            Await.require("the server's in_flight is 0 after the deadline", () -> server.stats().inFlight() == 0);
            ServerStats seen = server.stats();
            assertThat(seen.accepted()).as("the id was tried more than once before the deadline").isGreaterThan(1);
            assertThat(results.get(0).error()).isEqualTo("cancelled at the deadline");
            assertThat(results.get(0).attempts()).as("attempts reported, against the requests the server saw")
                    .isEqualTo(seen.accepted() + seen.rejected());
        }
    }
}
