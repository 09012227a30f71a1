package lab.client.hash;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongFunction;
import lab.client.cli.Cli;
import lab.client.cli.Progress;
import lab.client.cli.UserError;
import lab.client.hash.algorithm.Algorithm;
import lab.client.hash.algorithm.Calibration;
import lab.client.hash.algorithm.Cost;
import lab.client.hash.algorithm.PasswordHasher;
import lab.client.hash.algorithm.Pbkdf2Engine;
import lab.client.hash.db.Database;
import lab.client.hash.db.PendingRows;
import lab.client.hash.db.UsersTable;
import lab.client.hash.strategy.BatchHasher;
import lab.client.hash.strategy.Migrator;
import lab.client.hash.strategy.Patience;
import lab.client.hash.strategy.Strategy;

/**
 * One {@code migrate} run, apart from its command line (the tour runs it too): one thread's rate is
 * measured first at the run's cost (for PBKDF2 both engines, the faster kept unless one is forced),
 * then every plaintext is hashed, and the run is reported next to its bound,
 * {@code min(workers, cores)} times that rate.
 */
public final class Migration {

    private Migration() {
    }

    /** What to run; {@code engine} null means "time both and keep the faster". */
    public record Settings(Database db, Strategy strategy, int workers, Cost cost, int batch, Pbkdf2Engine engine,
                           Duration calibration, Duration claimTimeout) {
    }

    /** {@link #run(Settings, LongFunction, PrintWriter)}, its notes on this process's stderr (the tour, the benches). */
    public static MigrateReport run(Settings s, LongFunction<Progress> progressFor) throws SQLException {
        return run(s, progressFor, new PrintWriter(System.err, true));
    }

    /**
     * Runs it; {@code progressFor} makes the progress line once the pending rows are counted, and
     * {@code notes} takes the one-line notes a run may make (a batch cut to fit the claim timeout).
     */
    public static MigrateReport run(Settings s, LongFunction<Progress> progressFor, PrintWriter notes) throws SQLException {
        UsersTable table = new UsersTable(s.db());
        long pendingBefore;
        try (Connection c = s.db().connect()) {
            table.require(c);
            pendingBefore = table.countPending(c);
        }
        Algorithm algorithm = s.cost().algorithm();
        Map<String, Double> engineHps = new LinkedHashMap<>();
        Pbkdf2Engine chosen = chooseEngine(s, engineHps);
        double singleThreadHps = algorithm == Algorithm.pbkdf2 ? engineHps.get(chosen.name())
                : Calibration.measure(PasswordHasher.of(s.cost(), chosen), s.calibration(), s.calibration()).hashesPerSecond();

        int batch = batchWithinClaim(s, singleThreadHps, notes);

        // The workers are started (child JVMs warmed up) before the clock, as a pool's threads are
        // warm from the calibration: the run is timed, its set-up is reported apart.
        long setUp = System.nanoTime();
        long startupNanos;
        long wallNanos;
        Migrator.Outcome outcome;
        try (BatchHasher hasher = startWorkers(s, chosen, singleThreadHps)) {
            startupNanos = System.nanoTime() - setUp;
            if (s.strategy() == Strategy.processes) {
                // The children took seconds to start and warm up, and this machine's speed drifts: the
                // bound's one-thread rate is taken again now, the children idle, so that it is measured
                // just before the clock, as a pool's is.
                singleThreadHps = Calibration.measure(PasswordHasher.of(s.cost(), chosen), s.calibration(), s.calibration()).hashesPerSecond();
            }
            HeapPeak.reset();
            long start = System.nanoTime();
            try (PendingRows pending = PendingRows.open(s.db(), batch, s.claimTimeout());
                 Progress progress = progressFor.apply(pendingBefore)) {
                outcome = Migrator.run(pending, hasher, progress::advance);
            }
            wallNanos = Math.max(1, System.nanoTime() - start); // not the workers' shutdown
        } catch (SQLException e) {
            throw new UserError("migrating " + s.db() + " failed (the batches committed so far are kept; rerun to finish): " + why(e), e);
        } catch (java.io.UncheckedIOException | IllegalStateException e) {
            throw new UserError("hashing failed (the batches committed so far are kept; rerun to finish): " + why(e), e);
        }
        long pendingAfter;
        try (Connection c = s.db().connect()) {
            pendingAfter = table.countPending(c);
        }
        int cores = Runtime.getRuntime().availableProcessors();
        double hps = outcome.written() * 1e9 / wallNanos;
        double bound = Math.min(s.workers(), cores) * singleThreadHps;
        boolean argon2 = algorithm == Algorithm.argon2;
        return MigrateReport.builder()
                .strategy(s.strategy().name())
                .workers(s.workers())
                .algorithm(algorithm.name())
                .hashed(outcome.written())
                .wallMs(wallNanos / 1_000_000)
                .hashesPerS(round(hps))
                .singleThreadHps(round(singleThreadHps))
                .cores(cores)
                .boundHps(round(bound))
                .efficiency(round3(hps / bound))
                .db(s.db().kind().name())
                .batch(batch)
                .iterations(s.cost().iterations())
                .memoryKib(argon2 ? s.cost().memoryKib() : null)
                .parallelism(argon2 ? s.cost().parallelism() : null)
                .pbkdf2Engine(argon2 ? null : chosen.name())
                .engineHps(engineHps)
                .pendingBefore(pendingBefore)
                .pendingAfter(pendingAfter)
                .batches(outcome.batches())
                .peakHeapMb(HeapPeak.mib())
                .liveHeapAfterGcMb(HeapPeak.liveMib())
                .maxHeapMb(HeapPeak.maxMib())
                .startupMs(startupNanos / 1_000_000)
                .build();
    }

    private static BatchHasher startWorkers(Settings s, Pbkdf2Engine engine, double singleThreadHps) {
        try {
            return BatchHasher.of(s.strategy(), s.workers(), s.cost(), engine, s.calibration(), Patience.at(singleThreadHps));
        } catch (java.io.UncheckedIOException e) {
            throw new UserError("cannot start the hashing workers: " + why(e), e);
        }
    }

    /**
     * On PostgreSQL a claim is an open transaction, which the server ends after
     * {@code claimTimeout} of idling ({@code idle_in_transaction_session_timeout}); a batch that
     * takes longer to hash would be rolled back on every run and nothing would progress. So the
     * batch is cut to what one thread hashes, at the rate measured just now, in half the timeout
     * (one thread, not all the workers: other migrators may share the cores), and the run says so
     * in one line. A single hash longer than that is refused.
     */
    static int batchWithinClaim(Settings s, double singleThreadHps, PrintWriter notes) {
        if (s.db().kind() != Database.Kind.postgresql) {
            return s.batch();
        }
        double budgetS = s.claimTimeout().toNanos() / 2e9;
        long fits = (long) Math.floor(budgetS * singleThreadHps);
        String timeout = "--claim-timeout " + s.claimTimeout().toString().substring(2).toLowerCase(java.util.Locale.ROOT);
        if (fits < 1) {
            throw new UserError(String.format(java.util.Locale.ROOT,
                    "one hash at %s takes %.1f s on one thread here, more than half of %s: PostgreSQL would end every claim; give a longer %s",
                    s.cost(), 1 / singleThreadHps, timeout, "--claim-timeout"));
        }
        if (s.batch() <= fits) {
            return s.batch();
        }
        notes.printf(java.util.Locale.ROOT, "hash migrate: --batch %d would take %.0f s to hash at %.1f hashes/s (one thread, measured), over half of %s; using --batch %d%n",
                s.batch(), s.batch() / singleThreadHps, singleThreadHps, timeout, fits);
        notes.flush();
        return (int) fits;
    }

    /**
     * The PBKDF2 engine to run: the one given, or both timed here, one thread each at the run's own
     * cost, and the faster kept (see {@link Pbkdf2Engine} for why the JDK's usually wins). Fills
     * {@code rates} with every engine timed.
     */
    private static Pbkdf2Engine chooseEngine(Settings s, Map<String, Double> rates) {
        if (s.cost().algorithm() != Algorithm.pbkdf2) {
            return Pbkdf2Engine.jdk;
        }
        Map<Pbkdf2Engine, Calibration> timed = new EnumMap<>(Pbkdf2Engine.class);
        if (s.engine() == null) {
            timed.putAll(Calibration.pbkdf2Engines(s.cost(), s.calibration(), s.calibration()));
        } else {
            timed.put(s.engine(), Calibration.measure(PasswordHasher.of(s.cost(), s.engine()), s.calibration(), s.calibration()));
        }
        timed.forEach((e, c) -> rates.put(e.name(), round(c.hashesPerSecond())));
        return timed.entrySet().stream().max(Comparator.comparingDouble(e -> e.getValue().hashesPerSecond())).orElseThrow().getKey();
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }

    private static double round3(double v) {
        return Math.round(v * 1000) / 1000.0;
    }

    /**
     * The message and, when something else lies beneath, its root cause: a driver may wrap an
     * OutOfMemoryError in an exception with no message of its own, and "null" helps nobody.
     */
    private static String why(Exception e) {
        Throwable root = Cli.rootCause(e);
        if (root == e) {
            return e.getMessage() == null ? e.toString() : e.getMessage();
        }
        return e.getMessage() == null ? root.toString() : e.getMessage() + " (" + root + ")";
    }
}
