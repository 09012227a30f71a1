package lab.gatling.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import lab.gatling.judge.ServerProfile;
import lab.gatling.run.Verdict;
import lab.gatling.run.WindowFigures;
import lab.server.http.Json;

/**
 * One simulation run read back from its raw file (see {@link lab.gatling.run.RawLog}), strictly: a
 * window's {@code server} block is lab-server's {@code /stats} figures ({@link lab.server.stats.Snapshot}),
 * and a field missing or unknown there (or in a client's figures, a claim, the server's profile) is an
 * error naming the file, the line and the field.
 */
public record RawRun(String file, JsonNode run, List<WindowFigures> windows, List<Verdict.Claim> claims) {

    public String simulation() {
        return run.path("simulation").asText();
    }

    public String variant() {
        return run.path("variant").asText();
    }

    public ServerProfile server() {
        try {
            return Json.MAPPER.treeToValue(run.path("server"), ServerProfile.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(file + ": bad server block: " + Json.problem(e), e);
        }
    }

    public String param(String name) {
        return run.path("params").path(name).asText("");
    }

    public static RawRun read(Path path) {
        List<String> lines;
        try {
            lines = Files.readAllLines(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path + ": " + e.getMessage(), e);
        }
        JsonNode run = null;
        List<WindowFigures> windows = new ArrayList<>();
        List<Verdict.Claim> claims = new ArrayList<>();
        for (int n = 1; n <= lines.size(); n++) {
            String line = lines.get(n - 1);
            if (line.isBlank()) {
                continue;
            }
            try {
                ObjectNode node = (ObjectNode) Json.MAPPER.readTree(line);
                switch (node.path("kind").asText()) {
                    case "run" -> run = node;
                    case "window" -> windows.add(Json.MAPPER.treeToValue(node.without("kind"), WindowFigures.class));
                    case "claim" -> claims.add(Json.MAPPER.treeToValue(node.without("kind"), Verdict.Claim.class));
                    default -> throw new IllegalArgumentException(path + ": a line of unknown kind: " + line);
                }
            } catch (JsonProcessingException | ClassCastException e) {
                String why = e instanceof JsonProcessingException j ? Json.problem(j) : "not a JSON object";
                throw new IllegalArgumentException(path + " line " + n + ": " + why, e);
            }
        }
        if (run == null) {
            throw new IllegalArgumentException(path + ": no run line");
        }
        return new RawRun(path.getFileName().toString(), run, List.copyOf(windows), List.copyOf(claims));
    }
}
