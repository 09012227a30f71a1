package lab.client.hash;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import lab.client.cli.Json;
import lab.client.hash.support.HashCli;
import lab.server.support.PostgresCluster;
import lab.client.hash.support.UsersAudit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * seed, migrate, verify through the real command line, for both algorithms on both databases and
 * every strategy, at low costs. The database is the judge: every row read back and checked against
 * its seeded plaintext, every hash write counted by a trigger. Then two rows are spoiled, and
 * {@code verify} must say so.
 */
class RoundTripTest {

    private static final int USERS = 240;
    private static final long SEED = 5;

    @TempDir
    Path dir;

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("sqlite", "pbkdf2", "sequential", 1),
                Arguments.of("sqlite", "pbkdf2", "threads", 2),
                Arguments.of("sqlite", "argon2", "virtual", 8),
                Arguments.of("sqlite", "pbkdf2", "processes", 2),
                Arguments.of("postgresql", "pbkdf2", "threads", 2),
                Arguments.of("postgresql", "argon2", "processes", 2),
                Arguments.of("postgresql", "argon2", "sequential", 1));
    }

    @ParameterizedTest(name = "{0} {1} {2} x{3}")
    @MethodSource("cases")
    void seedMigrateVerifyHashesEveryUserExactlyOnce(String db, String algorithm, String strategy, int workers) throws Exception {
        String url = db.equals("sqlite") ? "jdbc:sqlite:" + dir.resolve("users.db") : PostgresCluster.shared().newDatabase();
        Path csv = dir.resolve("users.csv");
        assertThat(HashCli.run("seed", "--db", url, "--users", Integer.toString(USERS), "--seed", Long.toString(SEED), "--export", csv.toString()).exitCode()).isZero();
        UsersAudit audit = new UsersAudit(url);
        audit.installWriteCounter();

        List<String> migrate = new ArrayList<>(List.of("migrate", "--db", url, "--strategy", strategy, "--workers", Integer.toString(workers),
                "--algorithm", algorithm, "--batch", "37", "--calibration", "50ms", "--json"));
        migrate.addAll(algorithm.equals("pbkdf2") ? List.of("--iterations", "300") : List.of("--memory-kib", "64", "--iterations", "1", "--parallelism", "1"));
        HashCli.Result run = HashCli.run(migrate.toArray(String[]::new));
        assertThat(run.exitCode()).as(run.stderr()).isZero();
        JsonNode report = Json.MAPPER.readTree(run.stdout());
        assertThat(report.get("hashed").asLong()).isEqualTo(USERS);
        assertThat(report.get("pending_after").asLong()).isZero();
        assertThat(report.get("strategy").asText()).isEqualTo(strategy);
        assertThat(report.get("workers").asInt()).isEqualTo(workers);
        assertThat(report.get("efficiency").asDouble()).isPositive();
        assertThat(report.get("bound_hps").asDouble())
                .isEqualTo(Math.min(workers, report.get("cores").asInt()) * report.get("single_thread_hps").asDouble(), org.assertj.core.data.Offset.offset(0.2));

        String prefix = algorithm.equals("pbkdf2") ? "$pbkdf2-sha256$i=300$" : "$argon2id$v=19$m=64,t=1,p=1$";
        audit.assertAllHashedExactlyOnce(USERS, SEED, prefix);
        JsonNode verified = Json.MAPPER.readTree(HashCli.run("verify", "--db", url, "--from", csv.toString(), "--json").stdout());
        assertThat(verified.get("checked").asLong()).isEqualTo(USERS);
        assertThat(verified.get("ok").asLong()).isEqualTo(USERS);

        spoil(audit);
        HashCli.Result spoiled = HashCli.run("verify", "--db", url, "--from", csv.toString(), "--json");
        assertThat(spoiled.exitCode()).isEqualTo(1);
        JsonNode counts = Json.MAPPER.readTree(spoiled.stdout());
        assertThat(counts.get("ok").asLong()).isEqualTo(USERS - 3);
        assertThat(counts.get("mismatched").asLong()).isEqualTo(1);
        assertThat(counts.get("unhashed").asLong()).isEqualTo(1);
        assertThat(counts.get("missing").asLong()).isEqualTo(1);
    }

    /** Row 2 gets row 1's hash, row 3 loses its hash, row 4 disappears. */
    private static void spoil(UsersAudit audit) throws Exception {
        try (Connection c = audit.connect(); Statement s = c.createStatement()) {
            s.execute("UPDATE users SET password_hash = (SELECT password_hash FROM users WHERE id = 1) WHERE id = 2");
            s.execute("UPDATE users SET password_hash = NULL, password = 'x' WHERE id = 3");
            s.execute("DELETE FROM users WHERE id = 4");
        }
    }
}
