package lab.client.hash.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Claims on PostgreSQL, where several migrators (processes, machines) share one table. A claim is a
 * transaction: {@code SELECT ... FOR UPDATE SKIP LOCKED} locks the next batch that nobody else
 * holds, the batch is hashed while the transaction stays open, and one {@code UPDATE} writes the
 * hashes and clears the plaintexts before {@code COMMIT}. The row locks live exactly as long as the
 * transaction: if the migrator dies, its connection closes, the server rolls the transaction back
 * and the rows are free again, still in plaintext. A migrator that is not dead but stuck (frozen,
 * cut off) loses its claim after {@code claimTimeout} of idling in the transaction
 * ({@code idle_in_transaction_session_timeout}); TCP keep-alives cover a machine that vanished.
 *
 * <p>A migrator that finds nothing left to skip to, while plaintexts remain, waits on those rows
 * with a plain {@code FOR UPDATE}: when their holder commits, they no longer match and it moves on;
 * when their holder dies, it takes them over. So one surviving migrator finishes a dead one's rows.
 */
public final class PostgresPendingRows implements PendingRows {

    /** The statements a claim is made of; kept apart so that a test can swap in wrong ones and see them caught. */
    public record ClaimSql(String skipLocked, String waiting, String write) {

        public static final ClaimSql SKIP_LOCKED = new ClaimSql(
                "SELECT id, password FROM users WHERE id > ? AND password IS NOT NULL ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED",
                "SELECT id, password FROM users WHERE id > ? AND password IS NOT NULL ORDER BY id LIMIT ? FOR UPDATE",
                "UPDATE users AS u SET password_hash = t.hash, password = NULL"
                        + " FROM unnest(?::bigint[], ?::text[]) AS t(id, hash) WHERE u.id = t.id AND u.password IS NOT NULL");
    }

    private final Connection c;
    private final int batch;
    private final ClaimSql sql;
    private long cursor;

    public PostgresPendingRows(Connection c, int batch, Duration claimTimeout, ClaimSql sql) throws SQLException {
        this.c = c;
        this.batch = batch;
        this.sql = sql;
        try (Statement s = c.createStatement()) {
            s.execute("SET idle_in_transaction_session_timeout = " + Math.max(1, claimTimeout.toMillis()));
        }
        c.setAutoCommit(false);
    }

    @Override
    public List<Row> claim() throws SQLException {
        while (true) {
            List<Row> rows = select(sql.skipLocked(), cursor);
            if (!rows.isEmpty()) {
                cursor = rows.getLast().id();
                return rows;
            }
            c.commit();
            if (cursor > 0) {
                cursor = 0; // one pass from the start, for rows that were held when we passed them
                continue;
            }
            if (!anyPending()) {
                return List.of();
            }
            rows = select(sql.waiting(), 0); // every pending row is held by someone: wait for them
            if (!rows.isEmpty()) {
                return rows;
            }
            c.commit();
        }
    }

    private List<Row> select(String query, long after) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(query)) {
            s.setLong(1, after);
            s.setInt(2, batch);
            List<Row> rows = new ArrayList<>(batch);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    rows.add(new Row(r.getLong(1), r.getString(2)));
                }
            }
            return rows;
        }
    }

    private boolean anyPending() throws SQLException {
        try (Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT EXISTS (SELECT 1 FROM users WHERE password IS NOT NULL)")) {
            r.next();
            boolean any = r.getBoolean(1);
            c.commit();
            return any;
        }
    }

    @Override
    public int complete(List<Row> rows, List<String> hashes) throws SQLException {
        Long[] ids = new Long[rows.size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = rows.get(i).id();
        }
        try (PreparedStatement s = c.prepareStatement(sql.write())) {
            s.setArray(1, c.createArrayOf("bigint", ids));
            s.setArray(2, c.createArrayOf("text", hashes.toArray(String[]::new)));
            int written = s.executeUpdate();
            c.commit();
            return written;
        } catch (SQLException e) {
            c.rollback();
            throw e;
        }
    }

    @Override
    public void abandon() throws SQLException {
        c.rollback();
    }

    @Override
    public void close() throws SQLException {
        try {
            c.rollback();
        } finally {
            c.close();
        }
    }
}
