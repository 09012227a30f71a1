package lab.client.hash;

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

    /** Runs it; {@code progressFor} makes the progress line once the pending rows are counted. */
    public static MigrateReport run(Settings s, LongFunction<Progress> progressFor) throws SQLException {
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

        HeapPeak.reset();
        long start = System.nanoTime();
        Migrator.Outcome outcome;
        try (BatchHasher hasher = BatchHasher.of(s.strategy(), s.workers(), s.cost(), chosen);
             PendingRows pending = PendingRows.open(s.db(), s.batch(), s.claimTimeout());
             Progress progress = progressFor.apply(pendingBefore)) {
            outcome = Migrator.run(pending, hasher, progress::advance);
        } catch (SQLException e) {
            throw new UserError("migrating " + s.db() + " failed (the batches committed so far are kept; rerun to finish): " + why(e), e);
        } catch (java.io.UncheckedIOException | IllegalStateException e) {
            throw new UserError("hashing failed (the batches committed so far are kept; rerun to finish): " + why(e), e);
        }
        long wallNanos = Math.max(1, System.nanoTime() - start);
        long pendingAfter;
        try (Connection c = s.db().connect()) {
            pendingAfter = table.countPending(c);
        }
        int cores = Runtime.getRuntime().availableProcessors();
        double hps = outcome.written() * 1e9 / wallNanos;
        double bound = Math.min(s.workers(), cores) * singleThreadHps;
        boolean argon2 = algorithm == Algorithm.argon2;
        return new MigrateReport(s.strategy().name(), s.workers(), algorithm.name(), outcome.written(), wallNanos / 1_000_000,
                round(hps), round(singleThreadHps), cores, round(bound), round3(hps / bound),
                s.db().kind().name(), s.batch(), s.cost().iterations(),
                argon2 ? s.cost().memoryKib() : null, argon2 ? s.cost().parallelism() : null,
                argon2 ? null : chosen.name(), engineHps, pendingBefore, pendingAfter,
                outcome.batches(), HeapPeak.mib(), HeapPeak.liveMib(), HeapPeak.maxMib());
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
