package lab.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportTest {

    /** The repository's results/, seen from this module's folder (surefire runs tests there). */
    private static final Path COMMITTED = Path.of("..", "results").toAbsolutePath().normalize();

    @Test
    void theCommittedReportsAreExactlyWhatTheCommittedRawFilesGive(@TempDir Path tmp) throws IOException {
        Path results = copyRaw(tmp);
        List<Path> written = Report.generate(results);
        assertThat(written).isNotEmpty();
        for (Path fresh : written) {
            Path committed = COMMITTED.resolve(results.relativize(fresh));
            assertThat(committed).as("%s is generated but not committed: run ./lab report", results.relativize(fresh)).exists();
            assertThat(Files.readString(fresh)).as("%s differs from a fresh generation: run ./lab report, never edit it",
                    results.relativize(fresh)).isEqualTo(Files.readString(committed));
        }
    }

    @Test
    void aSecondGenerationWritesTheSameBytes(@TempDir Path tmp) throws IOException {
        Path results = copyRaw(tmp);
        Report.generate(results);
        String first = Files.readString(results.resolve("report.md")) + Files.readString(results.resolve("capacity-plan.md"));
        Report.generate(results);
        assertThat(Files.readString(results.resolve("report.md")) + Files.readString(results.resolve("capacity-plan.md")))
                .isEqualTo(first);
    }

    @Test
    void aRawFileNoSectionKnowsStillGetsItsRows(@TempDir Path tmp) throws IOException {
        Path results = copyRaw(tmp);
        Files.writeString(results.resolve("raw").resolve("zz-new-bench.jsonl"),
                "{\"family\":\"peer\",\"efficiency\":0.951,\"latency_ms\":{\"p99\":81.2}}\n", StandardCharsets.UTF_8);
        Report.generate(results);
        String report = Files.readString(results.resolve("report.md"));
        assertThat(report).contains("### `zz-new-bench.jsonl`").contains("| peer | 0.951 | 81.2 |");
    }

    @Test
    void withoutRawFilesItSaysWhatToRun(@TempDir Path tmp) {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Report.generate(tmp))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("run a bench first");
    }

    private static Path copyRaw(Path tmp) throws IOException {
        Path results = tmp.resolve("results");
        Path from = COMMITTED.resolve("raw");
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : files.toList()) {
                Path to = results.resolve("raw").resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(p, to);
                }
            }
        }
        return results;
    }
}
