package lab.client.hash.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import lab.client.cli.Json;

/**
 * The bench's output: one JSON line per figure, {@code run}, {@code case}, {@code cpu}, {@code cores},
 * then what the case adds (the round, the tool), then the figure itself, appended the moment it is
 * measured (a crash loses nothing already measured). The lines of this run are kept for the ratios.
 */
final class Lines {

    private final Path out;
    private final String run;
    private final String cpu = Tools.cpuModel();
    private final List<JsonNode> rows = new ArrayList<>();

    Lines(Path out, String run) {
        this.out = out;
        this.run = run;
    }

    String run() {
        return run;
    }

    List<JsonNode> rows() {
        return rows;
    }

    /** Appends one line: the case, its context, then {@code figure} (a JSON object's text or a map). */
    void emit(String kase, Map<String, Object> context, Object figure) throws IOException {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("run", run);
        line.put("case", kase);
        line.put("cpu", cpu);
        line.put("cores", Runtime.getRuntime().availableProcessors());
        line.putAll(context);
        JsonNode payload = figure instanceof String text ? Json.MAPPER.readTree(text) : Json.MAPPER.valueToTree(figure);
        line.putAll(Json.MAPPER.convertValue(payload, Map.class));
        String text = Json.MAPPER.writeValueAsString(line);
        rows.add(Json.MAPPER.readTree(text));
        Files.createDirectories(out.getParent());
        Files.writeString(out, text + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        System.err.println("  " + kase + " " + context + summary(rows.getLast()));
    }

    /** The figure a progress line shows: a rate and, when there is one, the efficiency. */
    private static String summary(JsonNode r) {
        StringBuilder s = new StringBuilder();
        for (String f : new String[] {"strategy", "workers", "hashes_per_s", "efficiency", "single_thread_hps", "compressions_per_s"}) {
            if (r.hasNonNull(f)) {
                s.append(' ').append(f).append('=').append(r.get(f).asText());
            }
        }
        return s.toString();
    }
}
