package lab.report.raw;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Everything under {@code results/raw/}, read once, in file-name order (so the reports come out the
 * same bytes from the same files): the lab's JSON-lines runs, JMH's JSON per benchmark class, the
 * Gatling windows and the machine's description. Sections take the files they render with
 * {@link #claim}; whatever no section claimed is rendered as it stands, so a new bench's file shows
 * up in the report without a change to the generator.
 */
public final class RawData {

    public static final ObjectMapper JSON = new ObjectMapper();

    private final Path raw;
    private final Map<String, List<JsonNode>> lines = new LinkedHashMap<>();
    private final Map<String, List<JmhResult>> jmh = new LinkedHashMap<>();
    private final Set<String> claimed = new LinkedHashSet<>();
    private final JsonNode environment;

    private RawData(Path raw) {
        this.raw = raw;
        this.environment = readEnvironment(raw.resolve("environment.json"));
    }

    public static RawData read(Path results) {
        Path raw = results.resolve("raw");
        if (!Files.isDirectory(raw)) {
            throw new IllegalArgumentException("no raw results in " + raw + ": run a bench first (e.g. mvn -pl jmh exec:java)");
        }
        RawData data = new RawData(raw);
        for (Path file : list(raw, ".jsonl")) {
            data.lines.put(file.getFileName().toString(), readLines(file));
        }
        for (Path file : list(raw.resolve("gatling"), ".jsonl")) {
            data.lines.put("gatling/" + file.getFileName(), readLines(file));
        }
        Path jmhDir = raw.resolve("jmh");
        for (Path file : list(jmhDir, ".json")) {
            data.jmh.put(file.getFileName().toString().replaceFirst("\\.json$", ""), JmhResult.readAll(file));
        }
        for (Path file : list(jmhDir, ".jsonl")) {
            data.lines.put("jmh/" + file.getFileName(), readLines(file));
        }
        return data;
    }

    /** The lines of {@code name} (relative to raw/, e.g. {@code cache.jsonl}), marked as rendered; empty if absent. */
    public List<JsonNode> claim(String name) {
        claimed.add(name);
        return lines.getOrDefault(name, List.of());
    }

    /** The names of the JSON-lines files under {@code prefix} (e.g. {@code gatling/}), in name order. */
    public List<String> names(String prefix) {
        return lines.keySet().stream().filter(n -> n.startsWith(prefix)).toList();
    }

    /** The files no section has claimed, in name order. */
    public List<String> unclaimed() {
        return lines.keySet().stream().filter(n -> !claimed.contains(n)).toList();
    }

    /** JMH's results for one benchmark class (its simple name), empty if that class has not run. */
    public List<JmhResult> jmh(String simpleClassName) {
        return jmh.getOrDefault(simpleClassName, List.of());
    }

    public Map<String, List<JmhResult>> allJmh() {
        return jmh;
    }

    public Optional<JsonNode> environment() {
        return Optional.ofNullable(environment);
    }

    public Path dir() {
        return raw;
    }

    private static List<Path> list(Path dir, String suffix) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir + ": " + e.getMessage(), e);
        }
    }

    private static List<JsonNode> readLines(Path file) {
        List<JsonNode> nodes = new ArrayList<>();
        int n = 0;
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                n++;
                if (!line.isBlank()) {
                    nodes.add(JSON.readTree(line));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(file.getFileName() + " line " + n + ": " + e.getMessage(), e);
        }
        return List.copyOf(nodes);
    }

    private static JsonNode readEnvironment(Path file) {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(file.getFileName() + ": " + e.getMessage(), e);
        }
    }
}
