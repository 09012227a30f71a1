package lab.client.judge;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;
import lab.client.cli.Json;
import lab.client.support.CliRun;

/** One {@code lab-client judge ... --json} run in this JVM, with its verdict read back from the JSON it printed. */
record JudgeRun(CliRun cli, JsonNode verdict) {

    /** The lab's answers, at the repository's root (the tests run in the module's folder). */
    static Path answer(String path) {
        Path file = Path.of("..", "answers").resolve(path).toAbsolutePath().normalize();
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("no answer " + file + ": the judge's tests run the lab's answers from answers/");
        }
        return file;
    }

    static JudgeRun of(String... args) {
        List<String> all = new ArrayList<>(List.of("judge"));
        all.addAll(List.of(args));
        CliRun cli = CliRun.of(all.toArray(String[]::new));
        try {
            return new JudgeRun(cli, cli.out().isBlank() ? null : Json.MAPPER.readTree(cli.out()));
        } catch (IOException e) {
            throw new UncheckedIOException("the judge printed no JSON verdict: " + cli.out() + cli.err(), e);
        }
    }

    boolean passed() {
        return verdict.get("passed").asBoolean();
    }

    /** Every rule that did not hold, as "rule: message", to show in a failed assertion. */
    List<String> failures() {
        return rules().stream().filter(r -> !r.get("passed").asBoolean())
                .map(r -> r.get("rule").asText() + ": " + r.get("message").asText()).toList();
    }

    List<JsonNode> rules() {
        return StreamSupport.stream(verdict.get("rules").spliterator(), false).toList();
    }

    /** The message of the named rule, whether it held or not. */
    JsonNode rule(String name) {
        return rules().stream().filter(r -> r.get("rule").asText().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no rule '" + name + "' in " + verdict));
    }

    @Override
    public String toString() {
        return cli.out() + cli.err();
    }
}
