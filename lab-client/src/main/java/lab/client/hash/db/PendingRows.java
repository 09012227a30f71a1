package lab.client.hash.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;

/**
 * One migrator's view of the users still holding a plaintext: it hands out batches (claims) and
 * takes back their hashes. A claim is finished by {@link #complete}, which writes every hash of the
 * batch and clears its plaintexts in one transaction, or dropped by {@link #abandon}. Work that a
 * crash interrupts is therefore never half-written: a batch is either all hashed or all still
 * plaintext, and a rerun (or another migrator) picks up whatever is left.
 *
 * <p>The write is guarded by {@code password IS NOT NULL}, so a row can never be hashed twice, even
 * if two migrators were handed the same row: the second write matches nothing.
 *
 * <p>Rows are read by id from a cursor (keyset paging on the primary key), so each claim costs the
 * same whatever the table size and no migrator ever holds more than one batch in memory. When the
 * cursor reaches the end, one more pass from the start collects rows that were skipped (held by a
 * migrator that has died since, say); a migrator stops only when no plaintext is left at all.
 */
public interface PendingRows extends AutoCloseable {

    /**
     * The next batch this migrator owns, at most {@code batch} rows; an empty list means no user
     * holds a plaintext any more, anywhere in the table.
     */
    List<Row> claim() throws SQLException;

    /** Writes {@code hashes[i]} for {@code rows[i]} and clears those plaintexts, in one transaction; returns the rows written. */
    int complete(List<Row> rows, List<String> hashes) throws SQLException;

    /** Gives the current claim back without writing anything. */
    void abandon() throws SQLException;

    @Override
    void close() throws SQLException;

    /** The claims for this database, on a connection of their own. */
    static PendingRows open(Database db, int batch, Duration claimTimeout) throws SQLException {
        Connection c = db.connect();
        return switch (db.kind()) {
            case sqlite -> new SqlitePendingRows(c, batch);
            case postgresql -> new PostgresPendingRows(c, batch, claimTimeout, PostgresPendingRows.ClaimSql.SKIP_LOCKED);
        };
    }
}
