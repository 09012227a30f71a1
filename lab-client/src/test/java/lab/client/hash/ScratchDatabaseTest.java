package lab.client.hash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import lab.client.hash.db.ScratchDatabase;
import lab.client.hash.support.HashCli;
import lab.server.support.PostgresCluster;
import org.junit.jupiter.api.Test;

/** The hash bench's scratch database (./lab bench-hash --pg): the user's own users table survives a measurement on their server. */
class ScratchDatabaseTest {

    @Test
    void seedingTheScratchDatabaseLeavesTheUsersOwnTableAlone() throws Exception {
        String users = PostgresCluster.shared().newDatabase(); // stands for the database the user named with --pg
        assertThat(HashCli.run("seed", "--db", users, "--users", "5").exitCode()).isZero();

        String scratch = ScratchDatabase.create(users);
        assertThat(scratch).isNotEqualTo(users).contains("lab_scratch_");
        assertThat(HashCli.run("seed", "--db", scratch, "--users", "3", "--replace").exitCode()).isZero();
        ScratchDatabase.drop(users, scratch);

        assertThat(count(users)).as("the user's own users table").isEqualTo(5);
        assertThatThrownBy(() -> DriverManager.getConnection(scratch).close()).as("the scratch database is dropped")
                .isInstanceOf(SQLException.class);
        assertThatThrownBy(() -> ScratchDatabase.drop(users, users)).as("drop refuses any other database")
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a scratch database");
    }

    private static long count(String url) throws SQLException {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM users")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
