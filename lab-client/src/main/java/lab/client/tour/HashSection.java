package lab.client.tour;

import java.io.PrintWriter;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import lab.client.cli.Progress;
import lab.client.cli.Table;
import lab.client.hash.MigrateReport;
import lab.client.hash.Migration;
import lab.client.hash.algorithm.Cost;
import lab.client.hash.db.Database;
import lab.client.hash.db.UsersTable;
import lab.client.hash.strategy.Strategy;

/**
 * The seed's hashlib task: a table of plaintext passwords in an SQLite file of the tour's folder,
 * migrated in place by each strategy at a small PBKDF2 cost, each rate next to its bound
 * ({@code min(workers, cores)} times one thread's rate, measured in the same run).
 */
final class HashSection implements TourSection {

    private static final int USERS = 1_000;
    private static final Cost COST = Cost.pbkdf2(20_000);
    private static final Duration CALIBRATION = Duration.ofSeconds(1); // shorter, and a cold JVM's first bound comes out low (efficiency 1.12 was seen)

    @Override
    public String title() {
        return "hash: " + USERS + " plaintext passwords in SQLite, " + COST + ", each strategy (bound: min(workers, cores) x one thread)";
    }

    @Override
    public void run(TourContext context, PrintWriter out) throws Exception {
        int cores = Runtime.getRuntime().availableProcessors();
        record Run(Strategy strategy, int workers) {
        }
        Table table = new Table("strategy", "workers", "hashed", "left in plaintext", "wall ms", "hashes/s", "bound", "efficiency", "set-up ms (before the clock)");
        for (Run run : List.of(new Run(Strategy.sequential, 1), new Run(Strategy.threads, cores),
                new Run(Strategy.virtual, 100), new Run(Strategy.processes, cores))) {
            Database db = Database.of("jdbc:sqlite:" + context.workDir().resolve("hash-" + run.strategy() + ".db"));
            UsersTable users = new UsersTable(db);
            try (Connection c = db.connect()) {
                users.create(c, true);
                users.insertSeeded(c, USERS, 42, n -> { });
            }
            MigrateReport r = Migration.run(new Migration.Settings(db, run.strategy(), run.workers(), COST, 100, null,
                    CALIBRATION, Duration.ofMinutes(1)), pending -> Progress.silent());
            table.row(r.strategy(), r.workers(), r.hashed(), r.pendingAfter(), r.wallMs(), r.hashesPerS(), r.boundHps(), r.efficiency(), r.startupMs());
        }
        out.print(table);
        out.println("  virtual threads add nothing for CPU-bound work; processes pay a JVM start and warm-up each, before the clock (the set-up column)."
                + " Crash safety, PostgreSQL and the full measurements: lab-client hash --help, README \"Hashing passwords\".");
    }
}
