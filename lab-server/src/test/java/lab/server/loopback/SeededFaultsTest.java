package lab.server.loopback;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import lab.server.LabServer;
import lab.server.ServerConfig;
import lab.server.behavior.LatencyModel;
import lab.server.support.HttpConnection;
import org.junit.jupiter.api.Test;

/** Faults by rate, end to end: a failed id can succeed on retry, and the same seed replays the same run. */
class SeededFaultsTest {

    private static final ServerConfig FAULTY = ServerConfig.defaults().withPort(0).withFaultRate(0.5)
            .withLatency(LatencyModel.parse("uniform:0ms..3ms")).withSeed(7);

    @Test
    void aRetryOfAFailedIdCanSucceed() throws Exception {
        try (LabServer server = LabServer.start(FAULTY); HttpConnection c = new HttpConnection(server.port())) {
            List<Integer> attempts = new ArrayList<>();
            do {
                attempts.add(c.get("/api/items/same-id").status());
            } while (attempts.getLast() != 200 && attempts.size() < 50); // 50 failures in a row: 1 chance in 2^50
            assertThat(attempts.getLast()).isEqualTo(200);
            assertThat(attempts.subList(0, attempts.size() - 1)).allMatch(s -> s == 500 || s == 503);
            assertThat(server.ledger().snapshot().failed()).isEqualTo(attempts.size() - 1);
        }
    }

    @Test
    void theSameSeedReplaysTheSameStatusesAndServiceTimes() throws Exception {
        List<String> first = sequentialRun(FAULTY, 200);
        List<String> second = sequentialRun(FAULTY, 200);
        List<String> otherSeed = sequentialRun(FAULTY.withSeed(8), 200);
        assertThat(second).isEqualTo(first);
        assertThat(otherSeed).isNotEqualTo(first);
        long failures = first.stream().filter(r -> !r.startsWith("200")).count();
        assertThat(failures).isBetween(60L, 140L); // 100 expected at a rate of 0.5
    }

    private static List<String> sequentialRun(ServerConfig config, int requests) throws Exception {
        List<String> seen = new ArrayList<>();
        try (LabServer server = LabServer.start(config); HttpConnection c = new HttpConnection(server.port())) {
            for (int i = 0; i < requests; i++) {
                HttpConnection.Response r = c.get("/api/items/r" + i);
                seen.add(r.status() + " " + r.body().replaceAll(".*\"service_ms\":(\\d+).*", "$1"));
            }
        }
        return seen;
    }
}
