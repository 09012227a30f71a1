package lab.client.hash;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import lab.client.cli.Json;
import lab.client.hash.support.HashCli;
import lab.client.hash.support.UsersAudit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The seed's Python answers that {@code ./lab bench-hash} ({@code HashBench}) times beside the lab's
 * ({@code python/seed_answers.py}) do the same job: every user hashed exactly once, in the lab's
 * PHC strings, which {@code hash verify} accepts. So the race they run is the same race.
 */
class PythonPeersTest {

    private static final int USERS = 45;
    private static final long SEED = 5;
    private static final Path SCRIPT = Path.of("..", "python", "seed_answers.py");

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"threads", "processes", "flawed"})
    void eachAnswerHashesEveryUserOnceInStringsTheLabVerifies(String answer) throws Exception {
        assertThat(SCRIPT).as("the Python answers, beside lab-client").exists();
        Path db = dir.resolve("users.db");
        Path csv = dir.resolve("users.csv");
        String url = "jdbc:sqlite:" + db;
        assertThat(HashCli.run("seed", "--db", url, "--users", Integer.toString(USERS), "--seed", Long.toString(SEED),
                "--export", csv.toString()).exitCode()).isZero();
        UsersAudit audit = new UsersAudit(url);
        audit.installWriteCounter();

        Process python = new ProcessBuilder(python(), SCRIPT.toString(), "--db", db.toString(), "--answer", answer,
                "--iterations", "1000", "--batch", "16").redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(python.waitFor(120, TimeUnit.SECONDS)).as("python finished").isTrue();
        assertThat(python.exitValue()).as("python exit code, output: %s", out).isZero();
        JsonNode report = Json.MAPPER.readTree(out);
        assertThat(report.get("hashed").asLong()).isEqualTo(USERS);
        assertThat(report.get("batches").asLong()).isEqualTo(3);
        assertThat(report.get("loop_max_stall_ms").asDouble()).isNotNegative();

        audit.assertAllHashedExactlyOnce(USERS, SEED, "$pbkdf2-sha256$i=1000$");
        HashCli.Result verified = HashCli.run("verify", "--db", url, "--from", csv.toString(), "--json");
        assertThat(verified.exitCode()).as(verified.stderr()).isZero();
        assertThat(Json.MAPPER.readTree(verified.stdout()).get("ok").asLong()).isEqualTo(USERS);
    }

    /** Debian's interpreter, which the measurements use, else whatever python3 the PATH has. */
    private static String python() {
        Path system = Path.of("/usr/bin/python3");
        return Files.isExecutable(system) ? system.toString() : "python3";
    }
}
