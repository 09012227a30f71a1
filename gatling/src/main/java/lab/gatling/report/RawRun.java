package lab.gatling.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import lab.gatling.judge.ServerProfile;
import lab.gatling.judge.StatsClient;
import lab.gatling.run.Verdict;
import lab.gatling.run.WindowFigures;

/** One simulation run read back from its raw file (see {@link lab.gatling.run.RawLog}). */
public record RawRun(String file, JsonNode run, List<WindowFigures> windows, List<Verdict.Claim> claims) {

    public String simulation() {
        return run.path("simulation").asText();
    }

    public String variant() {
        return run.path("variant").asText();
    }

    public ServerProfile server() {
        try {
            return StatsClient.JSON.treeToValue(run.path("server"), ServerProfile.class);
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": bad server block: " + e.getMessage(), e);
        }
    }

    public String param(String name) {
        return run.path("params").path(name).asText("");
    }

    public static RawRun read(Path path) {
        try {
            JsonNode run = null;
            List<WindowFigures> windows = new ArrayList<>();
            List<Verdict.Claim> claims = new ArrayList<>();
            for (String line : Files.readAllLines(path, StandardCharsets.UTF_8)) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode node = StatsClient.JSON.readTree(line);
                switch (node.path("kind").asText()) {
                    case "run" -> run = node;
                    case "window" -> windows.add(StatsClient.JSON.treeToValue(node, WindowFigures.class));
                    case "claim" -> claims.add(StatsClient.JSON.treeToValue(node, Verdict.Claim.class));
                    default -> throw new IllegalArgumentException(path + ": a line of unknown kind: " + line);
                }
            }
            if (run == null) {
                throw new IllegalArgumentException(path + ": no run line");
            }
            return new RawRun(path.getFileName().toString(), run, List.copyOf(windows), List.copyOf(claims));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path + ": " + e.getMessage(), e);
        }
    }
}
