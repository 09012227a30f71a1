package lab.jmh;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MachinePathsTest {

    @Test
    void theForksJavaAndTheRunsFileLoseThisMachinesPathsAndNothingElseChanges(@TempDir Path root) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path json = root.resolve("results/raw/jmh/X.json");
        Files.createDirectories(json.getParent());
        Files.writeString(json, """
                [ {
                    "jvm" : "%s",
                    "jvmArgs" : [ "-Xmx1g", "-Dlab.jmh.runs=%s/results/raw/jmh/X-runs.jsonl" ],
                    "score" : 12.5
                } ]
                """.formatted(java, root.toAbsolutePath().normalize()));

        MachinePaths.strip(json, root);

        assertThat(Files.readString(json)).isEqualTo("""
                [ {
                    "jvm" : "java",
                    "jvmArgs" : [ "-Xmx1g", "-Dlab.jmh.runs=results/raw/jmh/X-runs.jsonl" ],
                    "score" : 12.5
                } ]
                """);
    }
}
