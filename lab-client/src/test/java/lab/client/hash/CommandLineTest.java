package lab.client.hash;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import lab.client.hash.support.HashCli;
import lab.server.support.PostgresCluster;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The lab's command-line conventions for hash: bad flags exit 2, bad places exit 1 (verify: 2), one line each. */
class CommandLineTest {

    @TempDir
    Path dir;

    @Test
    void badFlagsExitTwoWithOneLine() {
        assertOneLine(HashCli.run("migrate", "--strategy", "greenlets"), 2, "expected one of [sequential, threads, virtual, processes]");
        assertOneLine(HashCli.run("migrate", "--db", "jdbc:sqlite:" + dir.resolve("x.db"), "--strategy", "sequential", "--workers", "4"), 2, "--workers must be 1");
        assertOneLine(HashCli.run("migrate", "--db", "jdbc:sqlite:" + dir.resolve("x.db"), "--algorithm", "argon2", "--memory-kib", "4"), 2, "--memory-kib");
        assertOneLine(HashCli.run("seed", "--users", "0", "--db", "jdbc:sqlite:" + dir.resolve("x.db")), 2, "--users must be at least 1");
        assertOneLine(HashCli.run("verify", "--db", "jdbc:sqlite:" + dir.resolve("x.db")), 2, "--from");
    }

    @Test
    void badUrlMissingTableAndUnreachableServerExitOneWithOneLine() throws java.sql.SQLException {
        assertOneLine(HashCli.run("migrate", "--db", "mysql://127.0.0.1/x"), 1, "unsupported database URL");
        assertOneLine(HashCli.run("migrate", "--db", "jdbc:sqlite:" + dir.resolve("absent.db")), 1, "no such SQLite file");
        assertThat(dir.resolve("absent.db")).doesNotExist();
        java.sql.DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("empty.db")).close(); // a file without the table
        assertOneLine(HashCli.run("migrate", "--db", "jdbc:sqlite:" + dir.resolve("empty.db")), 1, "no table 'users'");
        assertOneLine(HashCli.run("migrate", "--db", PostgresCluster.shared().newDatabase()), 1, "no table 'users'");
    }

    @Test
    void verifyKeepsExitOneForItsVerdictAndTwoForNoVerdict() throws Exception {
        String url = "jdbc:sqlite:" + dir.resolve("users.db");
        Path csv = dir.resolve("users.csv");
        assertThat(HashCli.run("seed", "--db", url, "--users", "3", "--export", csv.toString()).exitCode()).isZero();
        // Seeded, not migrated: checked, and no user is ok (their hashes are missing) - the verdict.
        HashCli.Result unhashed = HashCli.run("verify", "--db", url, "--from", csv.toString(), "--json");
        assertThat(unhashed.exitCode()).as(unhashed.stderr()).isEqualTo(1);
        assertThat(unhashed.stdout()).contains("\"unhashed\":3");

        java.nio.file.Files.writeString(dir.resolve("bad.csv"), "id,password\nseven,secret\n");
        assertOneLine(HashCli.run("verify", "--db", url, "--from", dir.resolve("bad.csv").toString()), 2, "expected id,password, found 'seven,secret'");
        java.nio.file.Files.writeString(dir.resolve("empty.csv"), "");
        assertOneLine(HashCli.run("verify", "--db", url, "--from", dir.resolve("empty.csv").toString()), 2, "the file is empty");
        assertOneLine(HashCli.run("verify", "--db", url, "--from", dir.resolve("absent.csv").toString()), 2, "no such file");
        assertOneLine(HashCli.run("verify", "--db", "jdbc:postgresql://127.0.0.1:1/none", "--from", "x.csv"), 2, "cannot open jdbc:postgresql://127.0.0.1:1/none");
    }

    @Test
    void seedRefusesATableThatHoldsUsersUnlessReplaced() {
        String url = "jdbc:sqlite:" + dir.resolve("users.db");
        assertThat(HashCli.run("seed", "--db", url, "--users", "10").exitCode()).isZero();
        assertOneLine(HashCli.run("seed", "--db", url, "--users", "10"), 1, "already holds 10 users: add --replace");
        assertThat(HashCli.run("seed", "--db", url, "--users", "20", "--replace").exitCode()).isZero();
    }

    private static void assertOneLine(HashCli.Result result, int exitCode, String says) {
        assertThat(result.exitCode()).as(result.stderr()).isEqualTo(exitCode);
        assertThat(result.stderr().strip()).contains(says).doesNotContain("\n").doesNotContain("Exception");
        assertThat(result.stdout()).isEmpty();
    }
}
