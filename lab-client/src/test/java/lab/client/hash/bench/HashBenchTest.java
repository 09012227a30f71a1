package lab.client.hash.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import lab.client.cli.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hash bench's own logic, without its long runs: flags refused in one line, lines written as
 * they are emitted, and the ratios taken as medians over rounds (a lucky or an unlucky round moves
 * them no more than one round can), from this run's lines only.
 */
class HashBenchTest {

    @Test
    void badFlagsAreRefusedWithOneLineNamingWhatIsAllowed() {
        assertThatThrownBy(() -> HashBench.run(new String[] {"--bogus", "1"})).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown flag --bogus").hasMessageContaining("--rounds");
        assertThatThrownBy(() -> HashBench.run(new String[] {"--rounds", "0"})).hasMessage("bench-hash: --rounds must be at least 1, not 0");
        assertThatThrownBy(() -> HashBench.run(new String[] {"--users", "many"})).hasMessageContaining("takes a whole number, not 'many'");
        assertThatThrownBy(() -> HashBench.parts("engines,speed")).hasMessageContaining("not 'speed'");
        assertThat(HashBench.parts("engines,ratios")).containsExactlyInAnyOrder("engines", "ratios");
        assertThat(HashBench.parts("all")).containsExactlyInAnyOrderElementsOf(HashBench.PARTS);
    }

    @Test
    void ratiosAreMediansOverTheRoundsOfThisRun(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("sub/bench.jsonl");
        Lines lines = new Lines(out, "run-1");
        int cores = Runtime.getRuntime().availableProcessors();
        double[] efficiencies = {0.70, 0.95, 0.93}; // one round disturbed
        for (int r = 0; r < efficiencies.length; r++) {
            lines.emit("strategies", HashBench.fields("round", r + 1), HashBench.fields("strategy", "processes", "workers", cores,
                    "hashes_per_s", 100.0 * efficiencies[r], "efficiency", efficiencies[r]));
            lines.emit("strategies", HashBench.fields("round", r + 1), HashBench.fields("strategy", "threads", "workers", cores,
                    "hashes_per_s", 96.0, "efficiency", 0.96));
        }
        lines.emit("engines", HashBench.fields("round", 1, "tool", "lab-client"), HashBench.fields("iterations", 1000,
                "engine_hps", Map.of("pads", 50.0, "direct", 80.0)));
        lines.emit("engines", HashBench.fields("round", 1), HashBench.fields("tool", "python3 hashlib.pbkdf2_hmac", "hashes_per_s", 40.0));
        lines.emit("limit", Map.of(), HashBench.fields("pbkdf2_iterations_per_s_limit", 160_000));

        JsonNode ratios = Json.MAPPER.valueToTree(Ratios.of(lines.rows()));
        assertThat(ratios.path("processes_efficiency").asDouble()).isEqualTo(0.93);
        assertThat(ratios.path("processes_efficiency_rounds")).hasSize(3);
        assertThat(ratios.path("threads_efficiency").asDouble()).isEqualTo(0.96);
        assertThat(ratios.path("processes_vs_threads").asDouble()).isEqualTo(0.969); // 93 / 96
        assertThat(ratios.path("fastest_engine_vs_openssl").asDouble()).isEqualTo(2.0);
        assertThat(ratios.path("fastest_engine_vs_sha256_limit").asDouble()).isEqualTo(0.5); // 80 x 1000 / 160 000
        assertThat(ratios.path("direct_vs_pads").asDouble()).isEqualTo(1.6);

        List<String> written = Files.readAllLines(out);
        assertThat(written).hasSize(9);
        assertThat(Json.MAPPER.readTree(written.getFirst()).fieldNames()).toIterable()
                .startsWith("run", "case", "cpu", "cores", "round", "strategy");
    }
}
