package lab.client.hash;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import lab.client.cli.Json;
import lab.client.hash.support.HashCli;
import lab.server.support.PostgresCluster;
import org.junit.jupiter.api.Test;

/**
 * On PostgreSQL a claim is a transaction that the server ends after {@code --claim-timeout} of
 * idling (issue 17, item 5): a batch that takes longer to hash than that would be rolled back on
 * every run. {@code migrate} cuts the batch from the one-thread rate it has just measured, or
 * refuses a cost at which even one hash would not fit, in one line either way.
 */
class ClaimTimeoutTest {

    private static final int USERS = 600;

    @Test
    void aBatchThatWouldOutliveTheClaimIsCutAndTheRunFinishes() throws Exception {
        String url = seeded();
        // 600 hashes at 20 000 iterations are 1.5 s or more of one core here: far over half a 1 s claim.
        HashCli.Result run = HashCli.run("migrate", "--db", url, "--strategy", "sequential", "--iterations", "20000",
                "--batch", Integer.toString(USERS), "--claim-timeout", "1s", "--calibration", "200ms", "--json");
        assertThat(run.exitCode()).as("exit code; stderr: %s", run.stderr()).isZero();
        assertThat(run.stderr().strip()).as("one line saying so").doesNotContain("\n")
                .contains("--batch " + USERS + " would take").contains("using --batch");
        JsonNode report = Json.MAPPER.readTree(run.stdout());
        assertThat(report.get("batch").asInt()).isBetween(1, USERS - 1);
        assertThat(report.get("hashed").asLong()).isEqualTo(USERS);
        assertThat(report.get("pending_after").asLong()).isZero();
    }

    @Test
    void aCostWhereOneHashOutlivesTheClaimIsRefusedInOneLine() {
        String url = seeded();
        HashCli.Result run = HashCli.run("migrate", "--db", url, "--iterations", "20000", "--claim-timeout", "1ms",
                "--calibration", "100ms", "--json");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.stderr().strip()).doesNotContain("\n").contains("more than half of --claim-timeout 0.001s");
        assertThat(run.stdout()).isEmpty();
    }

    private static String seeded() {
        String url = PostgresCluster.shared().newDatabase();
        assertThat(HashCli.run("seed", "--db", url, "--users", Integer.toString(USERS)).exitCode()).isZero();
        return url;
    }
}
