package lab.client.hash.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import lab.client.hash.algorithm.PasswordHasher;
import lab.client.hash.algorithm.Phc;
import lab.client.hash.db.SeedPasswords;

/**
 * The database's own account of a migration, independent of the migrator's word: a trigger records
 * every write of {@code password_hash} in {@code hash_writes} (in the writing transaction, so a
 * rolled-back write leaves no record), and {@link #judgeRowByRow} reads every row back.
 */
public final class UsersAudit {

    private final String url;

    public UsersAudit(String url) {
        this.url = url;
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url);
    }

    /** Installs the counting trigger; call after {@code hash seed}. */
    public void installWriteCounter() throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE hash_writes (id BIGINT NOT NULL, writer TEXT)");
            if (url.startsWith("jdbc:postgresql:")) {
                s.execute("CREATE FUNCTION count_hash_write() RETURNS trigger LANGUAGE plpgsql AS $$"
                        + " BEGIN INSERT INTO hash_writes (id, writer) VALUES (NEW.id, current_setting('application_name')); RETURN NEW; END $$");
                s.execute("CREATE TRIGGER users_hash_written AFTER UPDATE OF password_hash ON users"
                        + " FOR EACH ROW EXECUTE FUNCTION count_hash_write()");
            } else {
                s.execute("CREATE TRIGGER users_hash_written AFTER UPDATE OF password_hash ON users"
                        + " FOR EACH ROW BEGIN INSERT INTO hash_writes (id) VALUES (NEW.id); END");
            }
        }
    }

    /** How many times the database saw each id's hash written (ids never written are absent). */
    public Map<Long, Long> writesPerId() throws SQLException {
        Map<Long, Long> writes = new HashMap<>();
        try (Connection c = connect(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT id, COUNT(*) FROM hash_writes GROUP BY id")) {
            while (r.next()) {
                writes.put(r.getLong(1), r.getLong(2));
            }
        }
        return writes;
    }

    /** PostgreSQL: how many hash writes each session's application_name committed. */
    public Map<String, Long> writesPerWriter() throws SQLException {
        Map<String, Long> writes = new HashMap<>();
        try (Connection c = connect(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT writer, COUNT(*) FROM hash_writes GROUP BY writer")) {
            while (r.next()) {
                writes.put(r.getString(1), r.getLong(2));
            }
        }
        return writes;
    }

    public long count(String where) throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT COUNT(*) FROM users WHERE " + where)) {
            r.next();
            return r.getLong(1);
        }
    }

    /** Per-state counts of a row-by-row reading. */
    public record Verdict(long hashed, long plaintext, Set<Long> broken) {
    }

    /**
     * Reads every row and checks that it is in one of the two allowed states: its own seeded
     * plaintext and no hash, or no plaintext and a PHC hash (of the expected algorithm and cost)
     * of exactly that plaintext, with a salt no other row shares. Anything else is broken.
     */
    public Verdict judgeRowByRow(long seed, String phcPrefix) throws SQLException {
        List<String[]> rows = new ArrayList<>();
        try (Connection c = connect(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT id, password, password_hash FROM users ORDER BY id")) {
            while (r.next()) {
                rows.add(new String[] {r.getString(1), r.getString(2), r.getString(3)});
            }
        }
        // Recomputing a hash costs as much as making it: all cores, one row each.
        Map<Boolean, List<String[]>> plain = rows.parallelStream()
                .collect(Collectors.partitioningBy(row -> isOwnPlaintext(row, seed)));
        List<String[]> others = plain.get(false);
        Map<Boolean, List<String[]>> hashed = others.parallelStream()
                .collect(Collectors.partitioningBy(row -> isOwnHash(row, seed, phcPrefix)));
        Set<Long> broken = new HashSet<>();
        hashed.get(false).forEach(row -> broken.add(Long.parseLong(row[0])));
        Set<String> salts = new HashSet<>();
        for (String[] row : hashed.get(true)) {
            if (!salts.add(java.util.Base64.getEncoder().encodeToString(Phc.parse(row[2]).salt()))) {
                broken.add(Long.parseLong(row[0])); // a reused salt
            }
        }
        return new Verdict(hashed.get(true).size(), plain.get(true).size(), broken);
    }

    private static boolean isOwnPlaintext(String[] row, long seed) {
        return row[1] != null && row[2] == null && row[1].equals(SeedPasswords.of(seed, Long.parseLong(row[0])));
    }

    private static boolean isOwnHash(String[] row, long seed, String phcPrefix) {
        return row[1] == null && row[2] != null && row[2].startsWith(phcPrefix)
                && PasswordHasher.verify(SeedPasswords.of(seed, Long.parseLong(row[0])), row[2]);
    }

    /** Every row hashed, none broken, and each written exactly once according to the trigger. */
    public void assertAllHashedExactlyOnce(long users, long seed, String phcPrefix) throws SQLException {
        Verdict verdict = judgeRowByRow(seed, phcPrefix);
        assertThat(verdict.broken()).as("rows neither plaintext nor a hash of their own password").isEmpty();
        assertThat(verdict.plaintext()).as("rows still in plaintext").isZero();
        assertThat(verdict.hashed()).isEqualTo(users);
        Map<Long, Long> writes = writesPerId();
        assertThat(writes).as("hash writes counted by the database").hasSize((int) users);
        assertThat(writes.entrySet().stream().filter(e -> e.getValue() != 1).toList())
                .as("ids whose hash the database saw written more than once").isEmpty();
    }
}
