package lab.server.loopback;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import lab.server.http.Json;
import lab.server.stats.ServerStats;
import lab.server.support.HttpConnection;
import org.junit.jupiter.api.Test;

/** {@code /stats}, {@code /stats/reset} and {@code /metrics} over HTTP: the contract's names and sums. */
class StatsEndpointTest extends LoopbackServer {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void statsCarriesEveryContractFieldAndTheyAddUp() throws Exception {
        try (HttpConnection c = new HttpConnection(port())) {
            c.get("/api/items/a?delay_ms=5");
            c.get("/api/items/b?delay_ms=7&fail=503");
            c.get("/api/items/c?delay_ms=3");
            JsonNode s = JSON.readTree(c.get("/stats").body());
            assertThat(s.fieldNames()).toIterable().contains("limit", "in_flight", "max_in_flight", "accepted", "rejected",
                    "completed", "failed", "service_ms_sum", "service_ms_max", "latency_ms");
            assertThat(s.get("latency_ms").fieldNames()).toIterable().contains("p50", "p90", "p99", "p999", "max");
            assertThat(s.get("limit").asInt()).isEqualTo(LIMIT);
            assertThat(s.get("server").get("latency").asText()).isEqualTo("fixed:1ms");
            assertThat(s.get("server").get("seed").asLong()).isEqualTo(42);
            assertThat(s.get("server").get("transport").asText()).isIn("epoll", "nio");
            assertThat(s.get("accepted").asLong()).isEqualTo(3);
            assertThat(s.get("completed").asLong()).isEqualTo(2);
            assertThat(s.get("failed").asLong()).isEqualTo(1);
            assertThat(s.get("service_ms_sum").asLong()).isEqualTo(15);
            assertThat(s.get("service_ms_max").asLong()).isEqualTo(7);
            assertThat(s.get("latency_ms").get("max").asDouble()).isGreaterThanOrEqualTo(7.0);
            assertThat(s.get("latency_ms").get("p50").asDouble()).isGreaterThanOrEqualTo(5.0);
        }
    }

    /** The record is the schema: the strict reader takes the server's body whole and writes it back byte for byte. */
    @Test
    void theStatsRecordReadsTheBodyWholeAndWritesItBack() throws Exception {
        try (HttpConnection c = new HttpConnection(port())) {
            c.get("/api/items/a?delay_ms=5");
            for (String path : new String[] {"/stats", "/stats/reset"}) {
                String body = path.equals("/stats") ? c.get(path).body() : c.post(path).body();
                ServerStats s = ServerStats.parse(body);
                assertThat(s.accepted()).isEqualTo(1);
                assertThat(s.server().latency()).isEqualTo("fixed:1ms");
                assertThat(Json.MAPPER.writeValueAsString(s)).isEqualTo(body);
            }
        }
    }

    @Test
    void resetZeroesTheCounters() throws Exception {
        try (HttpConnection c = new HttpConnection(port())) {
            c.get("/api/items/a");
            assertThat(c.post("/stats/reset").status()).isEqualTo(200);
            JsonNode s = JSON.readTree(c.get("/stats").body());
            assertThat(s.get("accepted").asLong()).isZero();
            assertThat(s.get("completed").asLong()).isZero();
            assertThat(s.get("latency_ms").get("max").asDouble()).isZero();
        }
    }

    @Test
    void metricsSpeakPrometheusWithLabNames() throws Exception {
        try (HttpConnection c = new HttpConnection(port())) {
            c.get("/api/items/a");
            HttpConnection.Response m = c.get("/metrics");
            assertThat(m.header("Content-Type")).startsWith("text/plain; version=0.0.4");
            assertThat(m.body()).contains("lab_requests_accepted_total 1\n", "lab_requests_completed_total 1\n",
                    "lab_requests_rejected_total 0\n", "lab_requests_failed_total 0\n", "lab_in_flight 0\n",
                    "lab_max_in_flight 1\n", "lab_limit 10\n", "lab_latency_ms{quantile=\"0.99\"}", "lab_latency_ms_max");
        }
    }
}
