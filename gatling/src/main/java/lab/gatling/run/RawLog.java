package lab.gatling.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import lab.gatling.judge.ServerProfile;
import lab.server.http.Json;

/**
 * Writes one simulation run as JSON lines under {@code results/raw/gatling/}: a {@code run} line
 * (what ran, on what, with which parameters), one {@code window} line per measuring window, one
 * {@code claim} line per verdict. Gatling 3.15 keeps its own log in a binary form and writes no
 * statistics file, so these lines are the run's plain-data record; the generator reads nothing else.
 * A run replaces the previous file of the same simulation and variant.
 */
public final class RawLog {

    /** {@code -Dlab.results} (set by the build to the lab's results/), else results/ under the working directory. */
    public static Path rawDir() {
        return Path.of(System.getProperty("lab.results", "results")).resolve("raw").resolve("gatling");
    }

    /** {@code open-ramp} and {@code fixed:100ms} to {@code open-ramp-fixed-100ms}. */
    public static String slug(String simulation, String variant) {
        String joined = variant.isEmpty() ? simulation : simulation + "-" + variant;
        return joined.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }

    public static Path write(String simulation, String variant, ServerProfile server, boolean inProcess,
                             Map<String, String> params, List<WindowFigures> windows, List<Verdict.Claim> claims) {
        Path file = write(rawDir(), simulation, variant, server, inProcess, params, windows, claims);
        System.out.println("[lab] figures written to " + file);
        return file;
    }

    /** Writes the run into {@code dir}; returns the file. */
    public static Path write(Path dir, String simulation, String variant, ServerProfile server, boolean inProcess,
                             Map<String, String> params, List<WindowFigures> windows, List<Verdict.Claim> claims) {
        List<String> lines = new ArrayList<>();
        ObjectNode run = Json.MAPPER.createObjectNode();
        run.put("kind", "run");
        run.put("simulation", simulation);
        run.put("variant", variant);
        run.put("started", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        run.put("java", Runtime.version().toString());
        run.put("cores", Runtime.getRuntime().availableProcessors());
        run.put("target", inProcess ? "in-process" : "running server");
        run.set("server", Json.MAPPER.valueToTree(server));
        run.set("params", Json.MAPPER.valueToTree(params));
        lines.add(run.toString());
        for (WindowFigures w : windows) {
            lines.add(kind("window", w));
        }
        for (Verdict.Claim c : claims) {
            lines.add(kind("claim", c));
        }
        Path file = dir.resolve(slug(simulation, variant) + ".jsonl");
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, lines, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
        return file;
    }

    private static String kind(String kind, Object value) {
        ObjectNode node = Json.MAPPER.createObjectNode();
        node.put("kind", kind);
        node.setAll((ObjectNode) Json.MAPPER.valueToTree(value));
        try {
            return Json.MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
