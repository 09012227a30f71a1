package lab.client.hash;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import lab.client.cli.Json;
import lab.client.hash.support.HashCli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Memory does not grow with the table: 400 000 users migrate in a child JVM whose whole heap is
 * 24 MiB. Holding the table's passwords and hashes at once would take about 80 MiB (some 200 bytes
 * a user), so a migrator that reads everything first dies of OutOfMemoryError here. (The jar built
 * by {@code package} runs in 12 MiB; on the test class path BouncyCastle's signed jar costs a few
 * MiB more while its manifest is checked.)
 */
class FlatMemoryTest {

    private static final int USERS = 400_000;

    /** What the table's passwords and hashes take held at once: some 200 bytes a user, about 76 MiB. */
    private static final double TABLE_MIB = USERS * 200.0 / 1048576;

    @TempDir
    Path dir;

    @Test
    void aLargeTableMigratesInATinyHeap() throws Exception {
        String url = seeded();
        Path out = dir.resolve("out.json");
        Path err = dir.resolve("err.txt");
        int exit = migrateInTinyHeap(url, 500, out, err);
        assertThat(exit).as("exit code; stderr: %s", Files.readString(err)).isZero();
        JsonNode report = Json.MAPPER.readTree(Files.readString(out));
        assertThat(report.get("hashed").asLong()).isEqualTo(USERS);
        assertThat(report.get("pending_after").asLong()).isZero();
        assertThat(report.get("max_heap_mb").asLong()).isLessThanOrEqualTo(24);
        // The heap's peak is at most -Xmx whatever the program does; what it kept is the heap left after a
        // collection, and that must be a small fraction of the table (one batch of 500 is about 0.1 MiB).
        double live = report.get("live_heap_after_gc_mb").asDouble();
        assertThat(live).as("live heap after a collection, MiB (a collection must have run)").isPositive();
        assertThat(live).as("live heap after a collection, MiB, against the table's %.0f MiB", TABLE_MIB)
                .isLessThanOrEqualTo(TABLE_MIB / 6);
    }

    @Test
    void theSameHeapIsTooSmallForAMigratorThatHoldsTheWholeTable() throws Exception {
        String url = seeded();
        Path err = dir.resolve("err.txt");
        int exit = migrateInTinyHeap(url, USERS, dir.resolve("out.json"), err); // one batch = the whole table
        assertThat(exit).isNotZero();
        assertThat(Files.readString(err)).contains("OutOfMemoryError");
    }

    private String seeded() {
        String url = "jdbc:sqlite:" + dir.resolve("large.db");
        assertThat(HashCli.run("seed", "--db", url, "--users", Integer.toString(USERS)).exitCode()).isZero();
        return url;
    }

    private static int migrateInTinyHeap(String url, int batch, Path out, Path err) throws Exception {
        // ExitOnOutOfMemoryError: wherever the heap runs out (the JDBC driver may swallow the Error
        // into an SQLException with no message), the JVM says so on stderr and exits: a certain verdict.
        Process migrator = HashCli.child(List.of("-Xmx24m", "-XX:+UseSerialGC", "-XX:+ExitOnOutOfMemoryError", "-XX:+DisplayVMOutputToStderr"), out, err,
                "migrate", "--db", url, "--iterations", "1", "--batch", Integer.toString(batch), "--calibration", "100ms", "--json");
        assertThat(migrator.waitFor(120, TimeUnit.SECONDS)).as("migrate finished").isTrue();
        return migrator.exitValue();
    }
}
