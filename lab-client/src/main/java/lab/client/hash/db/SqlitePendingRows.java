package lab.client.hash.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Claims on SQLite. SQLite has one writer at a time and no row locks, so a claim here is just the
 * next batch read by id, outside any transaction (write-ahead logging lets it read while another
 * connection writes); the batch's single write transaction, with its {@code password IS NOT NULL}
 * guard, is what makes the result exact. Several migrators on one SQLite file stay correct but
 * waste work on the same rows: sharing a table between migrators is PostgreSQL's job.
 */
final class SqlitePendingRows implements PendingRows {

    private static final String NEXT = "SELECT id, password FROM users WHERE id > ? AND password IS NOT NULL ORDER BY id LIMIT ?";
    private static final String WRITE = "UPDATE users SET password_hash = ?, password = NULL WHERE id = ? AND password IS NOT NULL";

    private final Connection c;
    private final int batch;
    private final PreparedStatement next;
    private final PreparedStatement write;
    private long cursor;

    SqlitePendingRows(Connection c, int batch) throws SQLException {
        this.c = c;
        this.batch = batch;
        this.next = c.prepareStatement(NEXT);
        this.write = c.prepareStatement(WRITE);
    }

    @Override
    public List<Row> claim() throws SQLException {
        List<Row> rows = read();
        if (rows.isEmpty() && cursor > 0) {
            cursor = 0; // one pass from the start, for rows left behind
            rows = read();
        }
        if (!rows.isEmpty()) {
            cursor = rows.getLast().id();
        }
        return rows;
    }

    private List<Row> read() throws SQLException {
        next.setLong(1, cursor);
        next.setInt(2, batch);
        List<Row> rows = new ArrayList<>(batch);
        try (ResultSet r = next.executeQuery()) {
            while (r.next()) {
                rows.add(new Row(r.getLong(1), r.getString(2)));
            }
        }
        return rows;
    }

    @Override
    public int complete(List<Row> rows, List<String> hashes) throws SQLException {
        c.setAutoCommit(false);
        try {
            for (int i = 0; i < rows.size(); i++) {
                write.setString(1, hashes.get(i));
                write.setLong(2, rows.get(i).id());
                write.addBatch();
            }
            int written = 0;
            for (int n : write.executeBatch()) {
                written += n;
            }
            c.commit();
            return written;
        } catch (SQLException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(true);
        }
    }

    @Override
    public void abandon() {
        // nothing is held between claim and complete
    }

    @Override
    public void close() throws SQLException {
        c.close();
    }
}
