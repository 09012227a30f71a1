package lab.client.hash;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import lab.client.cli.Json;
import lab.client.hash.algorithm.Pbkdf2Engine;
import lab.client.hash.support.HashCli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The direct engine reaches into java.base, so a JVM started without its {@code --add-opens} cannot
 * run it: there {@code --engine direct} fails in one line saying which flag is missing, and
 * {@code --engine auto} still migrates, choosing among the engines it can run. In this JVM (the
 * build gives the tests the flag) it is available, so {@code Pbkdf2EnginesTest} checks its bytes.
 */
class DirectEngineTest {

    @TempDir
    Path dir;

    @Test
    void thisJvmCanRunIt() {
        assertThat(Pbkdf2Engine.direct.unavailable()).as("the build passes --add-opens to the tests").isNull();
    }

    @Test
    void withoutTheOpeningDirectIsRefusedInOneLineAndAutoLeavesItOut() throws Exception {
        String url = "jdbc:sqlite:" + dir.resolve("users.db");
        assertThat(HashCli.run("seed", "--db", url, "--users", "3").exitCode()).isZero();

        Run forced = migrate(url, "--engine", "direct");
        assertThat(forced.exit()).isEqualTo(1);
        assertThat(forced.err().strip()).doesNotContain("\n").contains("--engine direct").contains("--add-opens java.base/sun.security.provider");

        Run auto = migrate(url, "--engine", "auto", "--json");
        assertThat(auto.exit()).as("stderr: %s", auto.err()).isZero();
        JsonNode report = Json.MAPPER.readTree(auto.out());
        assertThat(report.path("hashed").asLong()).isEqualTo(3);
        assertThat(report.path("engine_hps").has("direct")).isFalse();
        assertThat(report.path("engine_hps").has("pads")).isTrue();
    }

    private record Run(int exit, String out, String err) {
    }

    private Run migrate(String url, String... flags) throws Exception {
        Path out = Files.createTempFile(dir, "out", ".txt");
        Path err = Files.createTempFile(dir, "err", ".txt");
        List<String> args = new java.util.ArrayList<>(List.of("migrate", "--db", url, "--iterations", "10", "--calibration", "20ms"));
        args.addAll(List.of(flags));
        Process p = HashCli.child(List.of(), out, err, args.toArray(String[]::new)); // no --add-opens: the child JVM is given none
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("the child finished").isTrue();
        return new Run(p.exitValue(), Files.readString(out), Files.readString(err));
    }
}
