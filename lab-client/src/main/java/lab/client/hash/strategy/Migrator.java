package lab.client.hash.strategy;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;
import lab.client.hash.db.PendingRows;
import lab.client.hash.db.Row;

/**
 * The migration loop: claim a batch, hash it with the strategy's workers, write its hashes and clear
 * its plaintexts in one transaction, until no plaintext is left. Only one batch is in memory at a
 * time, so the heap does not grow with the table. If hashing fails the claim is given back untouched.
 */
public final class Migrator {

    private Migrator() {
    }

    /** What one run did: rows whose hash this migrator wrote, and batches committed. */
    public record Outcome(long written, long batches) {
    }

    public static Outcome run(PendingRows pending, BatchHasher hasher, LongConsumer hashed) throws SQLException {
        long written = 0;
        long batches = 0;
        while (true) {
            List<Row> batch = pending.claim();
            if (batch.isEmpty()) {
                return new Outcome(written, batches);
            }
            List<String> hashes;
            try {
                hashes = hasher.hash(passwords(batch), hashed);
            } catch (RuntimeException e) {
                pending.abandon();
                throw e;
            }
            written += pending.complete(batch, hashes);
            batches++;
        }
    }

    private static List<String> passwords(List<Row> batch) {
        List<String> passwords = new ArrayList<>(batch.size());
        for (Row row : batch) {
            passwords.add(row.password());
        }
        return passwords;
    }
}
