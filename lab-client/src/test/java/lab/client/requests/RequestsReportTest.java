package lab.client.requests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import lab.client.cli.Json;
import lab.client.cli.RecordLines;
import lab.server.stats.Percentiles;
import org.junit.jupiter.api.Test;

/** The report is filled by name; a figure left out is an error naming it, not a silent 0. */
class RequestsReportTest {

    private static RequestsReport.Builder allBut(String left) {
        RequestsReport.Builder b = RequestsReport.builder();
        if (!left.equals("strategy")) {
            b.strategy("bounded");
        }
        b.requests(10).ok(10).failed(0).rejected(0).retried(0).wallMs(100).throughputRps(100).ttfrMs(20)
                .latencyMs(new Percentiles(20, 30, 40, 41, 42, 10, 25)).boundMs(90).efficiency(0.9).impl("virtual")
                .concurrency(10).limit(10).serverAccepted(10).serverRejected(0).serverMaxInFlight(10).fastestLatencyMs(20)
                .firstWaveFastestServiceMs(19).throughputBoundRps(110).clientCpuMsPerRequest(0.5);
        if (!left.equals("foundLimit")) {
            b.foundLimit(null);
        }
        return b.clientAllocKbPerRequest(3);
    }

    @Test
    void aComponentLeftOutIsNamed() {
        assertThatThrownBy(() -> allBut("foundLimit").build()).hasMessage("RequestsReport without foundLimit");
        assertThatThrownBy(() -> allBut("strategy").build()).hasMessage("RequestsReport without strategy");
    }

    @Test
    void theJsonKeepsTheContractsFieldsAndItsFivePercentiles() throws Exception {
        var json = Json.MAPPER.readTree(Json.line(allBut("").build()));
        assertThat(json.path("efficiency").asDouble()).isEqualTo(0.9);
        assertThat(json.has("found_limit")).isTrue();
        assertThat(json.path("latency_ms").fieldNames()).toIterable().containsExactly("p50", "p90", "p99", "p999", "max");
    }

    @Test
    void theQuickWriterPrintsTheMapper_sBytes() {
        RequestsReport withoutLimit = allBut("").build();
        RequestsReport withLimit = allBut("foundLimit").foundLimit(10).wallMs(1.0E-4).efficiency(0.123456789).build();
        for (RequestsReport r : new RequestsReport[] {withoutLimit, withLimit}) {
            assertThat(RecordLines.of(r)).isEqualTo(Json.line(r));
        }
        ResultLine ok = new ResultLine("7", 200, 1, 31.25, 40.5, null);
        ResultLine failed = new ResultLine("8", -1, 4, 0, 250, "timeout \"quoted\" \u00e9");
        assertThat(RecordLines.of(ok)).isEqualTo(Json.line(ok)).doesNotContain("error");
        assertThat(RecordLines.of(failed)).isEqualTo(Json.line(failed));
    }
}
