package lab.gatling.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import java.util.Arrays;
import java.util.List;
import lab.report.raw.StatsFields;
import lab.server.stats.Percentiles;
import lab.server.stats.Snapshot;
import org.junit.jupiter.api.Test;

/**
 * The report names the /stats fields it checks itself (it depends on no module); they are held here,
 * where both are on the class path, to lab-server's records, so a field renamed there fails this test.
 */
class StatsFieldsTest {

    private static List<String> snakeCase(Class<? extends Record> record) {
        var snake = new PropertyNamingStrategies.SnakeCaseStrategy();
        return Arrays.stream(record.getRecordComponents()).map(c -> snake.translate(c.getName())).toList();
    }

    @Test
    void theReportsFieldsAreLabServersRecords() {
        assertThat(StatsFields.FIGURES).containsExactlyElementsOf(snakeCase(Snapshot.class));
        assertThat(StatsFields.LATENCY).containsExactlyElementsOf(snakeCase(Percentiles.class));
    }
}
