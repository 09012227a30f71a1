package lab.client.requests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import lab.client.cli.Json;
import lab.client.support.CliRun;
import lab.client.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The {@code requests} command as a user meets it: its JSON, its streaming lines, its one-line errors. */
class RequestsCommandTest {

    private static final List<String> CONTRACT_FIELDS = List.of("strategy", "requests", "ok", "failed", "rejected",
            "retried", "wall_ms", "throughput_rps", "ttfr_ms", "latency_ms", "bound_ms", "efficiency");

    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(10, "uniform:1ms..10ms");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void jsonIsOneObjectWithEveryContractField() throws Exception {
        CliRun run = CliRun.of("requests", "--url", server.url(), "--strategy", "bounded", "--requests", "40", "--json");

        assertThat(run.exitCode()).isZero();
        assertThat(run.outLines()).hasSize(1);
        JsonNode json = Json.MAPPER.readTree(run.out());
        assertThat(CONTRACT_FIELDS).allSatisfy(f -> assertThat(json.has(f)).as(f).isTrue());
        assertThat(json.path("latency_ms").fieldNames()).toIterable().containsExactly("p50", "p90", "p99", "p999", "max");
        assertThat(json.path("ok").asInt()).isEqualTo(40);
        // The bound comes from the server's figures: what it accepted is what the client sent.
        assertThat(json.path("server_accepted").asInt()).isEqualTo(40);
        assertThat(json.path("efficiency").asDouble()).isEqualTo(
                json.path("bound_ms").asDouble() / json.path("wall_ms").asDouble(), org.assertj.core.data.Offset.offset(0.002));
    }

    @Test
    void announcesItsRunOnTheServersLiveView() throws Exception {
        CliRun run = CliRun.of("requests", "--url", server.url(), "--strategy", "retrying", "--requests", "12", "--json");
        assertThat(run.exitCode()).isZero();

        HttpResponse<String> runs = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(server.url() + "/runs")).build(), HttpResponse.BodyHandlers.ofString());
        JsonNode list = Json.MAPPER.readTree(runs.body()).path("runs");
        JsonNode last = list.get(list.size() - 1);
        assertThat(last.path("name").asText()).isEqualTo("requests retrying");
        assertThat(last.path("detail").asText()).isEqualTo("12 ids, concurrency 10, " + Strategies.DEFAULT_IMPL);
        assertThat(last.path("ended_ms").isNumber()).as("the run is marked ended when it is done").isTrue();
        assertThat(last.path("ended_ms").asLong()).isGreaterThanOrEqualTo(last.path("started_ms").asLong());
    }

    @Test
    void eachPrintsOneLinePerResultThenTheSummary() throws Exception {
        CliRun run = CliRun.of("requests", "--url", server.url(), "--strategy", "streaming", "--requests", "25", "--each");

        assertThat(run.exitCode()).isZero();
        List<String> lines = run.outLines();
        assertThat(lines).hasSize(26);
        for (String line : lines.subList(0, 25)) {
            JsonNode r = Json.MAPPER.readTree(line);
            assertThat(r.fieldNames()).toIterable().containsExactly("id", "status", "attempts", "latency_ms", "t_ms");
            assertThat(r.path("status").asInt()).isEqualTo(200);
        }
        assertThat(lines.subList(0, 25).stream().map(l -> l.replaceAll(".*\"id\":\"(\\d+)\".*", "$1")).distinct())
                .hasSize(25);
        assertThat(Json.MAPPER.readTree(lines.get(25)).path("strategy").asText()).isEqualTo("streaming");
    }

    @Test
    void theReadableSummaryPutsFiguresNextToTheirBounds() {
        CliRun run = CliRun.of("requests", "--url", server.url(), "--strategy", "adaptive", "--requests", "50");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("bound").contains("efficiency").contains("max in flight")
                .contains("adaptive    settled at");
    }

    @Test
    void asyncHonoursTheDeadlineAndEachSaysWhyAResultFailed() throws Exception {
        try (TestServer slow = TestServer.start(10, "fixed:2s")) {
            CliRun run = CliRun.of("requests", "--url", slow.url(), "--strategy", "streaming", "--impl", "async",
                    "--requests", "20", "--deadline", "300ms", "--each");

            assertThat(run.exitCode()).as(run.err()).isZero();
            List<String> lines = run.outLines();
            assertThat(lines).hasSize(21);
            for (String line : lines.subList(0, 20)) {
                JsonNode r = Json.MAPPER.readTree(line);
                // 2 s answers against a 300 ms deadline: none may come back 200, and each says why.
                assertThat(r.path("status").asInt()).as(line).isZero();
                assertThat(r.path("error").asText()).as(line).isIn("cancelled at the deadline", "not started before the deadline");
            }
            assertThat(Json.MAPPER.readTree(lines.get(20)).path("ok").asInt()).isZero();
            // Cancelled for real: the server sees the first wave's connections close and frees their slots.
            lab.server.support.Await.require("the server's in_flight is 0 after the deadline", () -> slow.stats().inFlight() == 0);
            assertThat(slow.stats().accepted()).as("requests started after the deadline").isEqualTo(10);
        }
    }

    @Test
    void badFlagsEndWithOneLineAndExitCode2() {
        for (String[] args : List.of(
                new String[] {"requests", "--strategy", "fastest"},
                new String[] {"requests", "--strategy", "bounded", "--requests", "0"},
                new String[] {"requests", "--strategy", "bounded", "--timeout", "soon"},
                new String[] {"requests", "--strategy", "bounded", "--impl", "reactive"},
                new String[] {"requests", "--strategy", "retrying", "--impl", "async"},
                new String[] {"requests", "--strategy", "deadline", "--impl", "bulkhead"},
                new String[] {"requests"})) {
            CliRun run = CliRun.of(args);
            assertThat(run.exitCode()).as(String.join(" ", args)).isEqualTo(2);
            assertThat(run.errLines()).as(String.join(" ", args)).hasSize(1);
            assertThat(run.out()).isEmpty();
        }
    }

    @Test
    void anUnreachableServerOrABadUrlIsOneLineAndExitCode1() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        CliRun refused = CliRun.of("requests", "--url", "http://127.0.0.1:" + closedPort, "--strategy", "bounded");
        CliRun badUrl = CliRun.of("requests", "--url", "ftp://x", "--strategy", "bounded");

        assertThat(List.of(refused, badUrl)).allSatisfy(run -> {
            assertThat(run.exitCode()).isEqualTo(1);
            assertThat(run.errLines()).hasSize(1);
            assertThat(run.err()).doesNotContain("Exception").doesNotContain("\tat ");
        });
        assertThat(refused.err()).contains("cannot reach lab-server");
        assertThat(badUrl.err()).contains("bad --url");
    }
}
