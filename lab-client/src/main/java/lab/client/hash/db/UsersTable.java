package lab.client.hash.db;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;
import lab.client.cli.UserError;

/**
 * The contract's table, {@code users(id BIGINT PRIMARY KEY, login TEXT NOT NULL, password TEXT,
 * password_hash TEXT)}, and every statement on it except the migration's claims: create, fill,
 * count, look up. A missing table is a {@link UserError} that says to seed first.
 */
public final class UsersTable {

    public static final String CREATE = "CREATE TABLE users (id BIGINT PRIMARY KEY, login TEXT NOT NULL, password TEXT, password_hash TEXT)";
    private static final int INSERT_CHUNK = 10_000;

    private final Database db;

    public UsersTable(Database db) {
        this.db = db;
    }

    public Database database() {
        return db;
    }

    /** Whether the table exists (it may be empty). */
    public boolean exists(Connection c) {
        try (Statement s = c.createStatement()) {
            s.executeQuery("SELECT 1 FROM users WHERE 1 = 0").close();
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    /** Fails with a one-line error unless the table exists. */
    public void require(Connection c) {
        if (!exists(c)) {
            throw new UserError("no table 'users' in " + db + ": create it with 'hash seed --db " + db + " --users N'");
        }
    }

    /** Drops and creates the table: refuses to drop one that holds users unless {@code replace}. */
    public void create(Connection c, boolean replace) throws SQLException {
        if (exists(c)) {
            long users = scalar(c, "SELECT COUNT(*) FROM users");
            if (users > 0 && !replace) {
                throw new UserError("table 'users' in " + db + " already holds " + users + " users: add --replace to start over");
            }
            try (Statement s = c.createStatement()) {
                s.execute("DROP TABLE users");
            }
        }
        try (Statement s = c.createStatement()) {
            s.execute(CREATE);
        }
    }

    /**
     * Inserts users 1..n with their seeded plaintext passwords, in transactions of ten thousand
     * (one per chunk, so memory stays flat and a crash leaves whole chunks). PostgreSQL gets each
     * chunk as two arrays in one statement: one round trip instead of ten thousand.
     */
    public void insertSeeded(Connection c, long n, long seed, LongConsumer inserted) throws SQLException {
        boolean postgres = db.kind() == Database.Kind.postgresql;
        String sql = postgres
                ? "INSERT INTO users (id, login, password) SELECT id, 'user' || id, password FROM unnest(?::bigint[], ?::text[]) AS t(id, password)"
                : "INSERT INTO users (id, login, password) VALUES (?, ?, ?)";
        c.setAutoCommit(false);
        try (PreparedStatement insert = c.prepareStatement(sql)) {
            for (long from = 1; from <= n; from += INSERT_CHUNK) {
                long to = Math.min(n, from + INSERT_CHUNK - 1);
                if (postgres) {
                    insertChunkAsArrays(c, insert, from, to, seed);
                } else {
                    for (long id = from; id <= to; id++) {
                        insert.setLong(1, id);
                        insert.setString(2, SeedPasswords.login(id));
                        insert.setString(3, SeedPasswords.of(seed, id));
                        insert.addBatch();
                    }
                    insert.executeBatch();
                }
                c.commit();
                inserted.accept(to - from + 1);
            }
        } finally {
            c.setAutoCommit(true);
        }
    }

    private static void insertChunkAsArrays(Connection c, PreparedStatement insert, long from, long to, long seed) throws SQLException {
        int size = (int) (to - from + 1);
        Long[] ids = new Long[size];
        String[] passwords = new String[size];
        for (int i = 0; i < size; i++) {
            ids[i] = from + i;
            passwords[i] = SeedPasswords.of(seed, from + i);
        }
        Array idArray = c.createArrayOf("bigint", ids);
        Array passwordArray = c.createArrayOf("text", passwords);
        insert.setArray(1, idArray);
        insert.setArray(2, passwordArray);
        insert.executeUpdate();
    }

    public long countUsers(Connection c) throws SQLException {
        return scalar(c, "SELECT COUNT(*) FROM users");
    }

    /** Users whose plaintext has not been replaced by a hash yet. */
    public long countPending(Connection c) throws SQLException {
        return scalar(c, "SELECT COUNT(*) FROM users WHERE password IS NOT NULL");
    }

    /** What the table holds for the given ids; an id absent from the table is absent from the map. */
    public Map<Long, Stored> lookup(Connection c, List<Long> ids) throws SQLException {
        Map<Long, Stored> found = new HashMap<>(ids.size() * 2);
        if (ids.isEmpty()) {
            return found;
        }
        String marks = "?,".repeat(ids.size() - 1) + "?";
        try (PreparedStatement s = c.prepareStatement("SELECT id, password, password_hash FROM users WHERE id IN (" + marks + ")")) {
            for (int i = 0; i < ids.size(); i++) {
                s.setLong(i + 1, ids.get(i));
            }
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    found.put(r.getLong(1), new Stored(r.getString(2), r.getString(3)));
                }
            }
        }
        return found;
    }

    /** A user's two password columns as stored. */
    public record Stored(String password, String passwordHash) {
    }

    static long scalar(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }
}
