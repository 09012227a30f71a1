package lab.client.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import lab.client.cli.Json;

/**
 * A bench's {@code --out} file: one JSON object per line, each written the moment its run ends, so a
 * bench cut short keeps every run it finished. No file given: nothing is written.
 */
public final class JsonLines {

    private final Path out;

    private JsonLines(Path out) {
        this.out = out;
    }

    /** Appends to {@code out} (null: writes nothing), as the lab's benches do by default. */
    public static JsonLines appendingTo(Path out) throws IOException {
        if (out != null) {
            Files.createDirectories(out.toAbsolutePath().getParent());
        }
        return new JsonLines(out);
    }

    /** Starts {@code out} afresh (null: writes nothing), for a bench whose file holds one run only. */
    public static JsonLines replacing(Path out) throws IOException {
        JsonLines lines = appendingTo(out);
        if (out != null) {
            Files.writeString(out, "", StandardCharsets.UTF_8);
        }
        return lines;
    }

    /** {@code value}'s fields (a record, by the client's snake_case names), as a map to add fields to. */
    public static Map<String, Object> fields(Object value) {
        Map<String, Object> fields = new LinkedHashMap<>();
        Json.MAPPER.convertValue(value, Map.class).forEach((k, v) -> fields.put(String.valueOf(k), v));
        return fields;
    }

    /** When and on what JDK a run was measured, added to each of its lines so that runs can be told apart. */
    public static Map<String, Object> stamp(Map<String, Object> fields, Instant runAt) {
        fields.put("run_at", runAt.truncatedTo(ChronoUnit.SECONDS).toString());
        fields.put("jdk", System.getProperty("java.runtime.version"));
        return fields;
    }

    public void write(Map<String, Object> line) throws IOException {
        if (out != null) {
            Files.writeString(out, Json.line(line) + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        }
    }

    /** Where the lines go, for the bench's last message; null when nowhere. */
    public Path path() {
        return out;
    }
}
