package lab.client.hash;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import lab.client.hash.support.HashCli;
import lab.server.support.PostgresCluster;
import lab.client.hash.support.UsersAudit;
import lab.server.support.Await;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two {@code migrate} processes share one PostgreSQL table, as if on two machines. One is killed
 * with SIGKILL while it holds a claim (its session idle in a transaction, hashing); the survivor
 * must take over the dead one's rows and finish the table alone. The database's trigger, which
 * records the writing session's application_name, shows every row written exactly once and both
 * migrators having written some.
 */
class ConcurrentMigratorsTest {

    private static final int USERS = 2_000;
    private static final long SEED = 13;

    @TempDir
    Path dir;

    @Test
    void twoMigratorsShareTheTableAndTheSurvivorFinishesTheDeadOnesClaim() throws Exception {
        String url = PostgresCluster.shared().newDatabase();
        assertThat(HashCli.run("seed", "--db", url, "--users", Integer.toString(USERS), "--seed", Long.toString(SEED)).exitCode()).isZero();
        UsersAudit audit = new UsersAudit(url);
        audit.installWriteCounter();

        // a claims big batches (about 0.2 s of hashing each), so that it is nearly always holding one.
        Process a = migrator("migrator-a", url, 200);
        Process b = migrator("migrator-b", url, 20);
        // Killed holding a claim, with work of its own already saved: a claim of a's first batch alone
        // would leave it nothing to have shared (b, in small batches, can do a fifth before a saves once).
        Await.until("migrator-a to be holding a claim after a fifth of the table is done and a batch of its own saved",
                Duration.ofSeconds(90), () -> !a.isAlive() || (audit.count("password IS NULL") >= USERS / 5
                        && audit.writesPerWriter().getOrDefault("migrator-a", 0L) > 0 && holdsClaim(audit, "migrator-a")));
        assertThat(a.isAlive()).as("migrator-a still running; stderr: %s", Files.readString(dir.resolve("migrator-a.err"))).isTrue();
        a.destroyForcibly();
        assertThat(a.waitFor(30, TimeUnit.SECONDS)).isTrue();

        assertThat(b.waitFor(120, TimeUnit.SECONDS)).as("migrator-b finished").isTrue();
        assertThat(b.exitValue()).as("migrator-b exit code; stderr: %s", Files.readString(dir.resolve("migrator-b.err"))).isZero();
        audit.assertAllHashedExactlyOnce(USERS, SEED, "$pbkdf2-sha256$i=5000$");
        Map<String, Long> byWriter = audit.writesPerWriter();
        assertThat(byWriter.keySet()).containsExactlyInAnyOrder("migrator-a", "migrator-b");
        assertThat(byWriter.get("migrator-a") + byWriter.get("migrator-b")).isEqualTo(USERS);
    }

    private Process migrator(String name, String url, int batch) throws Exception {
        return HashCli.child(List.of("-Xmx128m"), dir.resolve(name + ".out"), dir.resolve(name + ".err"),
                "migrate", "--db", url + "&ApplicationName=" + name, "--strategy", "sequential", "--iterations", "5000",
                "--batch", Integer.toString(batch), "--calibration", "100ms");
    }

    /** Whether the named migrator's session is inside a transaction (a claim) right now. */
    private static boolean holdsClaim(UsersAudit audit, String name) throws Exception {
        try (Connection c = audit.connect();
             PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM pg_stat_activity WHERE application_name = ? AND state = 'idle in transaction'")) {
            s.setString(1, name);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1) > 0;
            }
        }
    }
}
