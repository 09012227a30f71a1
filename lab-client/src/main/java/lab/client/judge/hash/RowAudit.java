package lab.client.judge.hash;

import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.LongStream;
import lab.client.hash.StoredCheck;
import lab.client.hash.StoredCheck.Outcome;
import lab.client.hash.algorithm.Phc;
import lab.client.hash.db.UsersTable.Stored;

/**
 * Every seeded row of a table checked against its own plaintext with {@code hash verify}'s check
 * ({@link StoredCheck}), on every core (verifying costs as much as hashing), plus what the contract
 * asks of the form: {@code $pbkdf2-sha256$i=LAB_ITERATIONS$salt$hash} with a 16-byte salt and a
 * 32-byte hash (a hash that verifies at another cost is not the one asked for), and salts that no
 * two rows share.
 *
 * @param outcomes      rows per outcome of {@link StoredCheck}
 * @param wrongForm     rows whose hash verifies but is not PBKDF2-SHA256 at the asked cost with those sizes
 * @param firstWrongForm one such hash, to show
 * @param sharedSalts   rows whose salt another row has too
 * @param plaintextLeft rows that still hold a plaintext, hashed or not
 * @param lost          rows with neither a plaintext nor a hash: the password is gone
 * @param checkMs       how long the check took
 */
record RowAudit(Map<Outcome, Long> outcomes, long wrongForm, String firstWrongForm, long sharedSalts, long plaintextLeft,
                long lost, long checkMs) {

    static final int SALT_BYTES = 16;
    static final int HASH_BYTES = 32;

    static RowAudit of(JudgedTable table, Map<Long, Stored> rows, int iterations) {
        long start = System.nanoTime();
        ForkJoinPool pool = new ForkJoinPool(Runtime.getRuntime().availableProcessors());
        List<Outcome> judged;
        try {
            judged = pool.submit(() -> LongStream.rangeClosed(1, table.users()).parallel()
                    .mapToObj(id -> StoredCheck.of(table.plaintext(id), rows.get(id))).toList()).join();
        } finally {
            pool.shutdownNow();
        }
        Map<Outcome, Long> outcomes = new EnumMap<>(Outcome.class);
        for (Outcome o : Outcome.values()) {
            outcomes.put(o, 0L);
        }
        judged.forEach(o -> outcomes.merge(o, 1L, Long::sum));

        long wrongForm = 0;
        String firstWrongForm = null;
        Set<String> salts = new HashSet<>();
        long shared = 0;
        long plaintextLeft = 0;
        long lost = 0;
        for (Map.Entry<Long, Stored> row : rows.entrySet()) {
            long id = row.getKey();
            Stored s = row.getValue();
            plaintextLeft += s.password() != null ? 1 : 0;
            lost += s.password() == null && s.passwordHash() == null ? 1 : 0;
            if (s.passwordHash() == null || !judged.get((int) (id - 1)).hashMatches()) {
                continue;
            }
            Phc phc = Phc.parse(s.passwordHash()); // it verified, so it parses
            if (!rightForm(phc, iterations)) {
                wrongForm++;
                firstWrongForm = firstWrongForm == null ? s.passwordHash() : firstWrongForm;
            }
            if (!salts.add(java.util.Base64.getEncoder().encodeToString(phc.salt()))) {
                shared++;
            }
        }
        return new RowAudit(Map.copyOf(outcomes), wrongForm, firstWrongForm, shared, plaintextLeft, lost,
                (System.nanoTime() - start) / 1_000_000);
    }

    private static boolean rightForm(Phc phc, int iterations) {
        return phc.id().equals("pbkdf2-sha256") && phc.params().equals(Map.of("i", iterations))
                && phc.salt().length == SALT_BYTES && phc.hash().length == HASH_BYTES;
    }

    long count(Outcome o) {
        return outcomes.get(o);
    }

    /** Rows whose stored hash is one of their own plaintext, cleared or not. */
    long matching() {
        return count(Outcome.OK) + count(Outcome.PLAINTEXT_LEFT);
    }
}
