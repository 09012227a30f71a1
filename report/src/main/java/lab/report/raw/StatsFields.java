package lab.report.raw;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.List;

/**
 * lab-server's {@code /stats} figures as the raw files record them (a Gatling window's {@code server}
 * block), checked strictly before anything is read: a field missing or unknown is an error naming it,
 * never a silent 0. The report reads JSON and depends on no other module ({@code ./lab report} builds
 * nothing else), so it names the fields here; gatling's tests hold these lists to lab-server's records
 * ({@code Snapshot}, {@code Percentiles}), so they cannot drift apart.
 */
public final class StatsFields {

    /** {@code Snapshot}'s components, snake_case, in order. */
    public static final List<String> FIGURES = List.of("limit", "in_flight", "max_in_flight", "accepted", "rejected",
            "completed", "failed", "service_ms_sum", "service_ms_max", "latency_ms");
    /** {@code Percentiles}' components. */
    public static final List<String> LATENCY = List.of("p50", "p90", "p99", "p999", "max", "count", "mean");

    private StatsFields() {
    }

    /** Checks a server block: exactly {@link #FIGURES}, its {@code latency_ms} exactly {@link #LATENCY}. */
    public static JsonNode figures(JsonNode server, String where) {
        exactly(server, FIGURES, where);
        exactly(server.get("latency_ms"), LATENCY, where + ".latency_ms");
        return server;
    }

    /** {@code node.get(field)}, or an error naming the field. */
    public static JsonNode required(JsonNode node, String field, String where) {
        JsonNode value = node == null ? null : node.get(field);
        if (value == null || value.isNull()) {
            throw new IllegalArgumentException("missing field " + where + "." + field);
        }
        return value;
    }

    private static void exactly(JsonNode node, List<String> fields, String where) {
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("missing field " + where);
        }
        // Missing first, as lab-server's strict reader does: a renamed field is named by its old name.
        for (String field : fields) {
            required(node, field, where);
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!fields.contains(name)) {
                throw new IllegalArgumentException("unknown field " + where + "." + name);
            }
        }
    }
}
