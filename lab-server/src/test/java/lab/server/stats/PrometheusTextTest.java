package lab.server.stats;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PrometheusTextTest {

    @Test
    void rendersEveryFigureUnderItsLabName() {
        Snapshot s = new Snapshot(10, 2, 9, 120, 7, 100, 18, 6000, 410,
                new Percentiles(50.5, 90.25, 399, 512, 800.125, 118, 60));
        String text = PrometheusText.render(s);
        assertThat(text).contains(
                "lab_requests_accepted_total 120\n",
                "lab_requests_rejected_total 7\n",
                "lab_requests_completed_total 100\n",
                "lab_requests_failed_total 18\n",
                "lab_in_flight 2\n",
                "lab_max_in_flight 9\n",
                "lab_limit 10\n",
                "lab_latency_ms{quantile=\"0.5\"} 50.500\n",
                "lab_latency_ms{quantile=\"0.9\"} 90.250\n",
                "lab_latency_ms{quantile=\"0.99\"} 399\n",
                "lab_latency_ms{quantile=\"0.999\"} 512\n",
                "lab_latency_ms_count 118\n",
                "lab_latency_ms_max 800.125\n",
                "# TYPE lab_requests_accepted_total counter\n",
                "# TYPE lab_latency_ms summary\n");
        assertThat(text.lines()).allMatch(line -> line.startsWith("# ") || line.startsWith("lab_"));
    }
}
