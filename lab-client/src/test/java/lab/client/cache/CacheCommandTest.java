package lab.client.cache;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import lab.client.cli.Json;
import lab.client.support.CliRun;
import lab.server.LabServer;
import lab.server.ServerConfig;
import lab.server.behavior.LatencyModel;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class CacheCommandTest {

    private static LabServer server;

    @BeforeAll
    static void startServer() throws Exception {
        server = LabServer.start(ServerConfig.defaults().withPort(0).withLatency(LatencyModel.parse("fixed:50ms")));
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"global-lock", "single-flight", "caffeine"})
    void printsOneJsonObjectWithTheServersCountOfUpstreamCalls(String strategy) throws Exception {
        CliRun run = CliRun.of("cache", "--url", server.baseUrl(), "--strategy", strategy, "--callers", "50", "--keys", "5", "--json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out().lines()).as("stdout lines").hasSize(1);
        JsonNode json = Json.MAPPER.readTree(run.out());
        assertThat(json.get("strategy").asText()).isEqualTo(strategy);
        assertThat(json.get("callers").asInt()).isEqualTo(50);
        assertThat(json.get("keys").asInt()).isEqualTo(5);
        assertThat(json.get("upstream_calls").asLong()).as("the server's accepted delta").isEqualTo(5);
        assertThat(json.get("expected_calls").asInt()).isEqualTo(5);
        assertThat(json.get("rejected").asLong()).isZero();
        assertThat(json.get("errors").asLong()).isZero();
        assertThat(json.get("wall_ms").asDouble()).isPositive();
        assertThat(json.get("throughput_rps").asDouble()).isPositive();
        assertThat(json.get("latency_ms").fieldNames()).toIterable().containsExactly("p50", "p90", "p99", "p999", "max");
        assertThat(json.get("bound_ms").asDouble()).as("one latency: 5 keys fit under the limit").isEqualTo(50.0);
        assertThat(json.get("serial_ms").asDouble()).as("five latencies").isEqualTo(250.0);
    }

    @Test
    void badStrategyIsOneLineAndExitCode2() {
        CliRun run = CliRun.of("cache", "--url", server.baseUrl(), "--strategy", "lru");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().lines()).hasSize(1);
        assertThat(run.err()).contains("bad --strategy 'lru': use naive, global-lock, single-flight, caffeine");
    }

    @Test
    void moreKeysThanCallersIsExitCode2() {
        CliRun run = CliRun.of("cache", "--url", server.baseUrl(), "--strategy", "naive", "--callers", "3", "--keys", "4");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().lines()).hasSize(1);
        assertThat(run.err()).contains("bad --keys 4: use 1 to --callers (3)");
    }

    @Test
    void unreachableServerIsOneLineAndExitCode1() {
        CliRun run = CliRun.of("cache", "--url", "http://127.0.0.1:1", "--strategy", "naive", "--callers", "3", "--keys", "1");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err().lines()).hasSize(1);
        assertThat(run.err()).contains("cannot reach lab-server");
    }
}
