package lab.client.hash;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import lab.client.hash.support.HashCli;
import lab.server.support.PostgresCluster;
import lab.client.hash.support.UsersAudit;
import lab.server.support.Await;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A real {@code migrate} process is killed with SIGKILL in the middle of its run (after some
 * batches have committed, while others are being hashed), then judged row by row: every row is
 * either its own plaintext or a hash of it, nothing in between. A rerun then finishes the rest, and
 * the database's trigger has seen each row's hash written exactly once over both runs.
 */
class CrashSafetyTest {

    private static final int USERS = 2_000;
    private static final long SEED = 9;

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"sqlite", "postgresql"})
    void killNineLosesNothingAndARerunFinishesExactlyOnce(String db) throws Exception {
        String url = db.equals("sqlite") ? "jdbc:sqlite:" + dir.resolve("users.db") : PostgresCluster.shared().newDatabase();
        assertThat(HashCli.run("seed", "--db", url, "--users", Integer.toString(USERS), "--seed", Long.toString(SEED)).exitCode()).isZero();
        UsersAudit audit = new UsersAudit(url);
        audit.installWriteCounter();

        // About 1 ms a hash on one thread and 20 rows a batch: the run lasts seconds, a batch commits every few dozen ms.
        Process migrator = HashCli.child(List.of("-Xmx256m"), dir.resolve("out.txt"), dir.resolve("err.txt"),
                "migrate", "--db", url, "--strategy", "sequential", "--iterations", "5000", "--batch", "20", "--calibration", "100ms");
        Await.until("the child migrator to hash a fifth of the users", Duration.ofSeconds(90),
                () -> !migrator.isAlive() || audit.count("password IS NULL") >= USERS / 5);
        assertThat(migrator.isAlive()).as("the migrator is still running when killed; its stderr: %s", Files.readString(dir.resolve("err.txt"))).isTrue();
        migrator.destroyForcibly(); // SIGKILL: no shutdown hook, no rollback from the client side
        assertThat(migrator.waitFor(30, TimeUnit.SECONDS)).isTrue();

        UsersAudit.Verdict afterKill = audit.judgeRowByRow(SEED, "$pbkdf2-sha256$i=5000$");
        assertThat(afterKill.broken()).as("rows neither plaintext nor their own hash after kill -9").isEmpty();
        assertThat(afterKill.hashed()).as("rows hashed before the kill").isBetween((long) USERS / 5, USERS - 1L);
        assertThat(afterKill.hashed() + afterKill.plaintext()).isEqualTo(USERS);
        Map<Long, Long> writes = audit.writesPerId();
        assertThat(writes).as("committed hash writes match the hashed rows").hasSize((int) afterKill.hashed());

        HashCli.Result rerun = HashCli.run("migrate", "--db", url, "--strategy", "threads", "--workers", "2", "--iterations", "5000",
                "--batch", "50", "--calibration", "50ms", "--json");
        assertThat(rerun.exitCode()).as(rerun.stderr()).isZero();
        assertThat(lab.client.cli.Json.MAPPER.readTree(rerun.stdout()).get("hashed").asLong()).isEqualTo(USERS - afterKill.hashed());
        audit.assertAllHashedExactlyOnce(USERS, SEED, "$pbkdf2-sha256$i=5000$");
    }
}
