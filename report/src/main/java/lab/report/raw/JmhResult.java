package lab.report.raw;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * One row of JMH's JSON: a benchmark method with its parameters, the primary score and its 99.9%
 * confidence half-width ({@code scoreError}, NaN when JMH had too few samples to give one), and the
 * secondary metrics a profiler added (for {@code -prof gc}: {@code gc.alloc.rate.norm}, bytes per op).
 */
public record JmhResult(String benchmark, String method, String mode, Map<String, String> params, double score,
                        double error, String unit, int forks, int samples, Map<String, Double> secondary) {

    static List<JmhResult> readAll(Path file) {
        try {
            List<JmhResult> results = new ArrayList<>();
            for (JsonNode r : RawData.JSON.readTree(file.toFile())) {
                results.add(of(r));
            }
            return List.copyOf(results);
        } catch (IOException e) {
            throw new UncheckedIOException(file.getFileName() + ": " + e.getMessage(), e);
        }
    }

    private static JmhResult of(JsonNode r) {
        String benchmark = r.path("benchmark").asText();
        Map<String, String> params = new LinkedHashMap<>();
        r.path("params").properties().forEach(e -> params.put(e.getKey(), e.getValue().asText()));
        JsonNode primary = r.path("primaryMetric");
        Map<String, Double> secondary = new LinkedHashMap<>();
        r.path("secondaryMetrics").properties().forEach(e -> secondary.put(e.getKey(), e.getValue().path("score").asDouble()));
        int samples = 0;
        for (JsonNode fork : primary.path("rawData")) {
            samples += fork.size();
        }
        return new JmhResult(benchmark, benchmark.substring(benchmark.lastIndexOf('.') + 1), r.path("mode").asText(),
                params, primary.path("score").asDouble(), errorOf(primary.path("scoreError")),
                primary.path("scoreUnit").asText(), r.path("forks").asInt(), samples, secondary);
    }

    /** JMH writes "NaN" (a string) when one sample gives no interval. */
    private static double errorOf(JsonNode e) {
        return e.isNumber() ? e.asDouble() : Double.NaN;
    }

    public String param(String name) {
        return params.getOrDefault(name, "");
    }

    /** The error as a fraction of the score; NaN without an interval. */
    public double relativeError() {
        return score == 0 ? Double.NaN : error / score;
    }

    public OptionalDouble bytesPerOp() {
        Double b = secondary.get("gc.alloc.rate.norm");
        return b == null ? OptionalDouble.empty() : OptionalDouble.of(b);
    }

    /** {@code method} with its parameters, e.g. {@code derive (engine=jdk, iterations=10000)}. */
    public String label() {
        if (params.isEmpty()) {
            return method;
        }
        StringBuilder s = new StringBuilder(method).append(" (");
        params.forEach((k, v) -> s.append(s.charAt(s.length() - 1) == '(' ? "" : ", ").append(k).append('=').append(v));
        return s.append(')').toString();
    }
}
