package lab.client.hash;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import lab.client.hash.db.PostgresPendingRows;
import lab.client.hash.db.PostgresPendingRows.ClaimSql;
import lab.client.hash.db.Row;
import lab.client.hash.support.HashCli;
import lab.server.support.PostgresCluster;
import lab.client.hash.support.UsersAudit;
import lab.server.support.Await;
import org.junit.jupiter.api.Test;

/**
 * The claim protocol on PostgreSQL, step by step with two migrators interleaved by hand (no timing
 * involved): claims never overlap, a naive claim (a plain SELECT, an unguarded UPDATE) is caught by
 * the same check, and a claim whose holder dies goes to the migrator waiting for it.
 */
class PostgresClaimTest {

    /** What a first attempt often looks like: read pending rows, write them, no lock and no guard. */
    private static final ClaimSql NAIVE = new ClaimSql(
            "SELECT id, password FROM users WHERE id > ? AND password IS NOT NULL ORDER BY id LIMIT ?",
            "SELECT id, password FROM users WHERE id > ? AND password IS NOT NULL ORDER BY id LIMIT ?",
            "UPDATE users AS u SET password_hash = t.hash, password = NULL FROM unnest(?::bigint[], ?::text[]) AS t(id, hash) WHERE u.id = t.id");

    @Test
    void twoMigratorsClaimDisjointBatchesAndEveryRowIsWrittenOnce() throws Exception {
        Map<Long, Long> writes = claimBothThenWriteBoth(ClaimSql.SKIP_LOCKED);
        assertThat(writes).hasSize(20);
        assertThat(writes.values()).containsOnly(1L);
    }

    @Test
    void theSameCheckCatchesANaiveClaimWritingRowsTwice() throws Exception {
        Map<Long, Long> writes = claimBothThenWriteBoth(NAIVE);
        assertThat(writes.values()).as("a naive claim hands both migrators the same rows").contains(2L);
    }

    /** a and b each claim a batch of 10 before either writes; returns the trigger's count per id. */
    private static Map<Long, Long> claimBothThenWriteBoth(ClaimSql sql) throws Exception {
        String url = seeded(30);
        UsersAudit audit = new UsersAudit(url);
        try (PostgresPendingRows a = new PostgresPendingRows(audit.connect(), 10, Duration.ofMinutes(1), sql);
             PostgresPendingRows b = new PostgresPendingRows(audit.connect(), 10, Duration.ofMinutes(1), sql)) {
            List<Row> first = a.claim();
            List<Row> second = b.claim();
            assertThat(first).hasSize(10);
            assertThat(second).hasSize(10);
            a.complete(first, fakeHashes(first));
            b.complete(second, fakeHashes(second));
        }
        return audit.writesPerId();
    }

    @Test
    void aClaimWhoseHolderDiesGoesToTheMigratorWaitingForIt() throws Exception {
        String url = seeded(10);
        UsersAudit audit = new UsersAudit(url);
        Connection holder = audit.connect();
        long holderPid = backendPid(holder);
        PostgresPendingRows a = new PostgresPendingRows(holder, 100, Duration.ofMinutes(1), ClaimSql.SKIP_LOCKED); // dies below
        try (PostgresPendingRows b = new PostgresPendingRows(audit.connect(), 100, Duration.ofMinutes(1), ClaimSql.SKIP_LOCKED)) {
            assertThat(a.claim()).hasSize(10); // a holds every pending row
            CompletableFuture<List<Row>> taken = CompletableFuture.supplyAsync(() -> {
                try {
                    return b.claim();
                } catch (java.sql.SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            Await.until("b to wait on a's row locks", Duration.ofSeconds(30), () -> waitingOnALock(audit));
            assertThat(taken).isNotDone();
            terminate(audit, holderPid); // a dies: the server ends its session and rolls its claim back
            List<Row> rows = taken.get(30, TimeUnit.SECONDS);
            assertThat(rows).extracting(Row::id).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L);
            assertThat(b.complete(rows, fakeHashes(rows))).isEqualTo(10);
            assertThat(b.claim()).as("nothing left").isEmpty();
        } finally {
            holder.close();
        }
        assertThat(audit.writesPerId().values()).hasSize(10).containsOnly(1L);
    }

    private static String seeded(int users) {
        String url = PostgresCluster.shared().newDatabase();
        assertThat(HashCli.run("seed", "--db", url, "--users", Integer.toString(users)).exitCode()).isZero();
        try {
            new UsersAudit(url).installWriteCounter();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        return url;
    }

    private static List<String> fakeHashes(List<Row> rows) {
        return Collections.nCopies(rows.size(), "$test$claimed");
    }

    private static long backendPid(Connection c) throws Exception {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT pg_backend_pid()")) {
            r.next();
            return r.getLong(1);
        }
    }

    private static boolean waitingOnALock(UsersAudit audit) throws Exception {
        try (Connection c = audit.connect(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT COUNT(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = current_database()")) {
            r.next();
            return r.getLong(1) > 0;
        }
    }

    private static void terminate(UsersAudit audit, long pid) throws Exception {
        try (Connection c = audit.connect(); Statement s = c.createStatement()) {
            s.executeQuery("SELECT pg_terminate_backend(" + pid + ")").close();
        }
    }
}
