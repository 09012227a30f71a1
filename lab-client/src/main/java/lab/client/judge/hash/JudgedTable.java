package lab.client.judge.hash;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import lab.client.cli.UserError;
import lab.client.hash.db.Database;
import lab.client.hash.db.SeedPasswords;
import lab.client.hash.db.UsersTable;
import lab.client.hash.db.UsersTable.Stored;
import org.sqlite.SQLiteConfig;

/**
 * One SQLite file the judge hands a program: seeded as {@code hash seed} seeds it (the same table,
 * write-ahead logging on, so the judge's reads never hold up the program's writes), with a seed of
 * the judge's own that the program never sees, so the plaintexts stay with the judge (a pure
 * function of seed and id, {@link SeedPasswords}).
 */
final class JudgedTable {

    private static final int CHUNK = 1_000;

    private final Path file;
    private final long users;
    private final long seed;

    private JudgedTable(Path file, long users, long seed) {
        this.file = file;
        this.users = users;
        this.seed = seed;
    }

    /** Creates the file with users 1..n holding their plaintexts. */
    static JudgedTable seed(Path file, long users, long seed) throws SQLException {
        Database db = Database.of("jdbc:sqlite:" + file);
        UsersTable table = new UsersTable(db);
        try (Connection c = db.connect()) {
            table.create(c, true);
            table.insertSeeded(c, users, seed, n -> { });
        }
        return new JudgedTable(file, users, seed);
    }

    Path file() {
        return file;
    }

    long users() {
        return users;
    }

    String plaintext(long id) {
        return SeedPasswords.of(seed, id);
    }

    /**
     * A read-only connection that waits (up to 2 s) for a lock rather than failing: the program
     * may have switched the file out of write-ahead logging, and then a commit briefly locks readers out.
     */
    Connection reader() throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        config.setBusyTimeout(2_000);
        return DriverManager.getConnection("jdbc:sqlite:" + file, config.toProperties());
    }

    /** How many rows hold a hash now (saved, whatever it is). */
    static long saved(Connection reader) throws SQLException {
        try (PreparedStatement s = reader.prepareStatement("SELECT COUNT(*) FROM users WHERE password_hash IS NOT NULL");
             ResultSet r = s.executeQuery()) {
            r.next();
            return r.getLong(1);
        }
    }

    /** Every seeded user's two password columns as they are now, read in chunks with {@code hash verify}'s look-up. */
    Map<Long, Stored> snapshot() {
        Map<Long, Stored> all = new HashMap<>((int) Math.min(Integer.MAX_VALUE, users * 2));
        UsersTable table = new UsersTable(Database.of("jdbc:sqlite:" + file));
        try (Connection c = reader()) {
            if (!table.exists(c)) {
                return all; // the program dropped it: every user is missing
            }
            for (long from = 1; from <= users; from += CHUNK) {
                List<Long> ids = new ArrayList<>(CHUNK);
                for (long id = from; id <= Math.min(users, from + CHUNK - 1); id++) {
                    ids.add(id);
                }
                all.putAll(table.lookup(c, ids));
            }
        } catch (SQLException e) {
            throw new UserError("the judge could not read back the table the program worked on, " + file + ": " + e.getMessage(), e);
        }
        return all;
    }
}
