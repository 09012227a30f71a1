package lab.client.hash;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import lab.client.cli.DurationConverter;
import lab.client.cli.Json;
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
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code hash migrate}: hashes every row that still holds a plaintext, batch by batch, each batch's
 * hashes written and plaintexts cleared in one transaction. Before it starts, it measures one
 * thread's hash rate at the same cost (and, for PBKDF2, both engines, keeping the faster), so the
 * run's rate is reported next to the best the machine could do: {@code min(workers, cores)} times
 * that rate.
 */
@Command(name = "migrate", mixinStandardHelpOptions = true,
        description = {"Hash every plaintext password in place, in batches; safe to kill at any moment, a rerun finishes the rest.",
                "On PostgreSQL several migrate processes can share the table (FOR UPDATE SKIP LOCKED)."})
final class HashMigrateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    DbOption db;

    @Option(names = "--strategy", defaultValue = "threads", description = "${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE})")
    Strategy strategy;

    @Option(names = "--workers", paramLabel = "K", description = "threads, virtual threads or child JVMs (default: the cores, 1 for sequential)")
    Integer workers;

    @Option(names = "--algorithm", defaultValue = "pbkdf2", description = "${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE})")
    Algorithm algorithm;

    @Option(names = "--batch", paramLabel = "B", defaultValue = "500", description = "rows per claim and per transaction (default: ${DEFAULT-VALUE})")
    int batch;

    @Option(names = "--iterations", paramLabel = "N", description = "pbkdf2: iterations (default 600000); argon2: passes t (default 2)")
    Integer iterations;

    @Option(names = "--memory-kib", paramLabel = "M", description = "argon2: memory in KiB (default 19456)")
    Integer memoryKib;

    @Option(names = "--parallelism", paramLabel = "P", description = "argon2: lanes (default 1)")
    Integer parallelism;

    @Option(names = "--engine", defaultValue = "auto", description = "pbkdf2 implementation: auto (the faster, measured), jdk or bc (default: ${DEFAULT-VALUE})")
    String engine;

    @Option(names = "--calibration", paramLabel = "D", defaultValue = "1s", converter = DurationConverter.class,
            description = "how long one thread's rate is measured before the run, after a warm-up in rounds of half that until the rate is steady (default: ${DEFAULT-VALUE})")
    Duration calibration;

    @Option(names = "--claim-timeout", paramLabel = "D", defaultValue = "10m", converter = DurationConverter.class,
            description = "PostgreSQL: a claim idle this long (a frozen migrator) is rolled back and its rows freed (default: ${DEFAULT-VALUE})")
    Duration claimTimeout;

    @Option(names = "--json", description = "print one JSON object on stdout")
    boolean json;

    /** What {@code --json} prints: the contract's fields, then the run's context. */
    record Report(String strategy, int workers, String algorithm, long hashed, long wallMs, double hashesPerS,
                  double singleThreadHps, int cores, double boundHps, double efficiency,
                  String db, int batch, int iterations, Integer memoryKib, Integer parallelism,
                  String pbkdf2Engine, Map<String, Double> engineHps, long pendingBefore, long pendingAfter,
                  long batches, double peakHeapMb, double liveHeapAfterGcMb, long maxHeapMb) {
    }

    @Override
    public Integer call() throws SQLException {
        Cost cost = cost();
        int k = workers == null ? (strategy == Strategy.sequential ? 1 : Runtime.getRuntime().availableProcessors()) : workers;
        if (batch < 1) {
            throw new ParameterException(spec.commandLine(), "--batch must be at least 1, not " + batch);
        }
        try {
            BatchHasher.checkWorkers(strategy, k);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        Database database = db.existing();
        UsersTable table = new UsersTable(database);
        long pendingBefore;
        try (Connection c = database.connect()) {
            table.require(c);
            pendingBefore = table.countPending(c);
        }
        Map<String, Double> engineHps = new LinkedHashMap<>();
        Pbkdf2Engine chosen = chooseEngine(cost, engineHps);
        double singleThreadHps = algorithm == Algorithm.pbkdf2 ? engineHps.get(chosen.name())
                : Calibration.measure(PasswordHasher.of(cost, chosen), calibration, calibration).hashesPerSecond();

        HeapPeak.reset();
        long start = System.nanoTime();
        Migrator.Outcome outcome;
        try (BatchHasher hasher = newHasher(k, cost, chosen);
             PendingRows pending = PendingRows.open(database, batch, claimTimeout);
             Progress progress = json ? Progress.silent() : Progress.start("migrate " + strategy + " x" + k, pendingBefore, "hashes")) {
            outcome = Migrator.run(pending, hasher, progress::advance);
        } catch (SQLException e) {
            throw new UserError("migrating " + database + " failed (the batches committed so far are kept; rerun to finish): " + e.getMessage(), e);
        } catch (java.io.UncheckedIOException | IllegalStateException e) {
            throw new UserError("hashing failed (the batches committed so far are kept; rerun to finish): " + e.getMessage(), e);
        }
        long wallNanos = Math.max(1, System.nanoTime() - start);
        long pendingAfter;
        try (Connection c = database.connect()) {
            pendingAfter = table.countPending(c);
        }
        int cores = Runtime.getRuntime().availableProcessors();
        double hps = outcome.written() * 1e9 / wallNanos;
        double bound = Math.min(k, cores) * singleThreadHps;
        Report report = new Report(strategy.name(), k, algorithm.name(), outcome.written(), wallNanos / 1_000_000,
                round(hps), round(singleThreadHps), cores, round(bound), round3(hps / bound),
                database.kind().name(), batch, cost.iterations(),
                algorithm == Algorithm.argon2 ? cost.memoryKib() : null, algorithm == Algorithm.argon2 ? cost.parallelism() : null,
                algorithm == Algorithm.pbkdf2 ? chosen.name() : null, engineHps, pendingBefore, pendingAfter,
                outcome.batches(), HeapPeak.mib(), HeapPeak.liveMib(), HeapPeak.maxMib());
        print(report, cost);
        return 0;
    }

    private Cost cost() {
        try {
            return Cost.of(algorithm, iterations, memoryKib, parallelism);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    private BatchHasher newHasher(int k, Cost cost, Pbkdf2Engine chosen) {
        try {
            return BatchHasher.of(strategy, k, cost, chosen);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    /**
     * The PBKDF2 engine to run: the one given, or with {@code auto} both timed here, one thread
     * each at the run's own cost, and the faster kept (see {@link Pbkdf2Engine} for why the JDK's
     * usually wins). Fills {@code rates} with every engine timed.
     */
    private Pbkdf2Engine chooseEngine(Cost cost, Map<String, Double> rates) {
        if (algorithm != Algorithm.pbkdf2) {
            return Pbkdf2Engine.jdk;
        }
        Map<Pbkdf2Engine, Calibration> timed = new EnumMap<>(Pbkdf2Engine.class);
        switch (engine) {
            case "auto" -> timed.putAll(Calibration.pbkdf2Engines(cost, calibration, calibration));
            case "jdk", "bc" -> timed.put(Pbkdf2Engine.valueOf(engine),
                    Calibration.measure(PasswordHasher.of(cost, Pbkdf2Engine.valueOf(engine)), calibration, calibration));
            default -> throw new ParameterException(spec.commandLine(), "--engine must be auto, jdk or bc, not '" + engine + "'");
        }
        timed.forEach((e, c) -> rates.put(e.name(), round(c.hashesPerSecond())));
        return timed.entrySet().stream().max(Comparator.comparingDouble(e -> e.getValue().hashesPerSecond())).orElseThrow().getKey();
    }

    private void print(Report r, Cost cost) {
        if (json) {
            System.out.println(Json.line(r));
            return;
        }
        System.out.printf("migrated %d of %d pending users (%s, %s x%d, batch %d)%s%n", r.hashed(), r.pendingBefore(), cost,
                r.strategy(), r.workers(), r.batch(), r.pbkdf2Engine() == null ? "" : ", engine " + r.pbkdf2Engine() + " " + r.engineHps());
        System.out.printf("  wall %d ms, %.1f hashes/s; bound %.1f = min(%d workers, %d cores) x %.1f single-thread; efficiency %.3f%n",
                r.wallMs(), r.hashesPerS(), r.boundHps(), r.workers(), r.cores(), r.singleThreadHps(), r.efficiency());
        System.out.printf("  still in plaintext: %d; peak heap %.1f MiB of %d MiB, at most %.1f MiB live after a collection%n",
                r.pendingAfter(), r.peakHeapMb(), r.maxHeapMb(), r.liveHeapAfterGcMb());
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }

    private static double round3(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
