package lab.client.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import lab.client.cache.bench.CacheBench;
import lab.client.cli.Json;
import lab.client.primitives.bench.PrimitivesBench;
import lab.client.requests.bench.QuestionsBench;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * lab-client's bench mains as {@code ./lab bench-...} runs them, each in a JVM of its own (their
 * exit codes are the point): a bad flag is one line on stderr and exit 2 before any work, and a tiny
 * bounded run writes the JSON lines the report reads.
 */
class BenchMainsTest {

    /** A bench that never ends would hold CI: far above what these tiny runs take. */
    private static final long BOUND_SECONDS = 120;

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0} {1} {2}")
    @CsvSource({
            "lab.client.cache.bench.CacheBench, --bogus, 1, bench-cache: unknown flag --bogus",
            "lab.client.cache.bench.CacheBench, --keys, 300, bench-cache: bad --keys '300' (allowed: 1 to 200)",
            "lab.client.cache.bench.CacheBench, --latency, fixed:soon, bench-cache: bad --latency 'fixed:soon'",
            "lab.client.primitives.bench.PrimitivesBench, --rounds, many, bench-primitives: bad --rounds 'many'",
            "lab.client.requests.bench.QuestionsBench, --requests, 0, bench-questions: bad --requests '0' (allowed: 1 to 100000)",
    })
    void aBadFlagIsOneLineAndExit2(String main, String flag, String value, String message) throws Exception {
        Run run = run(main, flag, value);
        assertThat(run.exit).as("exit code").isEqualTo(2);
        assertThat(run.stderr).singleElement().satisfies(line -> assertThat(line).startsWith(message));
        assertThat(run.stdout).as("no work started").isEmpty();
    }

    @Test
    void aFlagWithoutItsValueIsRefusedToo() throws Exception {
        Run run = run(PrimitivesBench.class.getName(), "--rounds");
        assertThat(run.exit).isEqualTo(2);
        assertThat(run.stderr).containsExactly("bench-primitives: --rounds needs a value");
    }

    @Test
    void theCacheBenchAppendsOneStampedeLinePerStrategyAndRound() throws Exception {
        Path out = dir.resolve("cache.jsonl");
        Files.writeString(out, "{\"an\":\"earlier run\"}\n");
        Run run = run(CacheBench.class.getName(), "--rounds", "1", "--callers", "20", "--keys", "2", "--latency", "fixed:20ms",
                "--out", out.toString());
        assertThat(run.exit).as("exit code; stderr: %s", run.stderr).isZero();
        List<JsonNode> lines = lines(out);
        assertThat(lines).hasSize(5).first().satisfies(l -> assertThat(l.path("an").asText()).isEqualTo("earlier run"));
        List<JsonNode> runs = lines.subList(1, 5);
        assertThat(runs).extracting(l -> l.path("strategy").asText())
                .containsExactly("naive", "global-lock", "single-flight", "caffeine");
        assertThat(runs).allSatisfy(l -> {
            assertThat(l.path("callers").asInt()).isEqualTo(20);
            assertThat(l.path("expected_calls").asInt()).isEqualTo(2);
            assertThat(l.path("run_at").asText()).isNotEmpty();
            assertThat(l.path("jdk").asText()).isEqualTo(System.getProperty("java.runtime.version"));
        });
        assertThat(runs.get(0).path("upstream_calls").asInt()).as("naive stampedes").isGreaterThan(2);
        assertThat(runs.subList(1, 4)).as("the others load each key once")
                .allSatisfy(l -> assertThat(l.path("upstream_calls").asInt()).isEqualTo(2));
        assertThat(String.join("\n", run.stdout)).contains("single-flight").contains("appended 4 lines to " + out);
    }

    @Test
    void thePrimitivesBenchAppendsOneLinePerExercise() throws Exception {
        Path out = dir.resolve("primitives.jsonl");
        Run run = run(PrimitivesBench.class.getName(), "--rounds", "2", "--out", out.toString());
        assertThat(run.exit).as("exit code; stderr: %s", run.stderr).isZero();
        List<JsonNode> lines = lines(out);
        assertThat(lines).extracting(l -> l.path("exercise").asText())
                .containsExactly("event", "condition", "bounded-semaphore", "barrier");
        assertThat(lines).allSatisfy(l -> {
            assertThat(l.path("rounds").asInt()).isEqualTo(2);
            assertThat(l.path("reference_violations").asInt()).as("the reference never breaks").isZero();
            assertThat(l.path("naive_violations").asInt()).isBetween(0, 2);
            assertThat(l.path("invariant").asText()).isNotEmpty();
        });
    }

    @Test
    void theQuestionsBenchRewritesItsFileWithOneLinePerQuestion() throws Exception {
        Path out = dir.resolve("questions.jsonl");
        Files.writeString(out, "{\"question\":\"from an earlier run\"}\n");
        Run run = run(QuestionsBench.class.getName(), "--requests", "30", "--out", out.toString());
        assertThat(run.exit).as("exit code; stderr: %s", run.stderr).isZero();
        List<JsonNode> lines = lines(out);
        assertThat(lines).extracting(l -> l.path("question").asText()).hasSize(7)
                .doesNotContain("from an earlier run").contains("retry only the failed ones", "as_completed next to gather: streaming");
        assertThat(lines).allSatisfy(l -> {
            assertThat(l.path("requests").asInt()).isEqualTo(30);
            assertThat(l.path("args").asText()).startsWith("--strategy " + l.path("strategy").asText() + " --requests 30");
            assertThat(l.path("wall_ms").asDouble()).isPositive();
        });
        assertThat(lines.get(0).path("server").asText()).isEqualTo("--limit 1000 --fault-rate 0.1 --latency uniform:20ms..80ms");
        assertThat(lines.get(1).path("args").asText()).isEqualTo("--strategy retrying --requests 30 --concurrency 1000");
        assertThat(lines.get(1).path("ok").asInt()).as("retrying answers every id").isEqualTo(30);
        assertThat(lines.get(2).path("args").asText()).isEqualTo("--strategy deadline --requests 30 --timeout 150ms");
        assertThat(lines.get(2).path("limit").asInt()).isEqualTo(10);
    }

    private record Run(int exit, List<String> stdout, List<String> stderr) {
    }

    private Run run(String main, String... args) throws IOException, InterruptedException {
        Path stdout = Files.createTempFile(dir, "stdout", ".txt");
        Path stderr = Files.createTempFile(dir, "stderr", ".txt");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"), main));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
        if (!p.waitFor(BOUND_SECONDS, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(main + " still running after " + BOUND_SECONDS + " s");
        }
        return new Run(p.exitValue(), Files.readAllLines(stdout, StandardCharsets.UTF_8),
                Files.readAllLines(stderr, StandardCharsets.UTF_8));
    }

    private static List<JsonNode> lines(Path file) throws IOException {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            lines.add(Json.MAPPER.readTree(line));
        }
        return lines;
    }
}
