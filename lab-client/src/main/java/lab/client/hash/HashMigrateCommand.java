package lab.client.hash;

import java.io.PrintWriter;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.Callable;
import lab.server.behavior.DurationConverter;
import lab.client.cli.Json;
import lab.client.cli.Progress;
import lab.client.cli.UserError;
import lab.client.hash.algorithm.Algorithm;
import lab.client.hash.algorithm.Cost;
import lab.client.hash.algorithm.Pbkdf2Engine;
import lab.client.hash.db.Database;
import lab.client.hash.strategy.BatchHasher;
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

    @Option(names = "--workers", paramLabel = "K", description = "threads, virtual threads or child JVMs (default: $LAB_WORKERS when set, else the cores; 1 for sequential)")
    Integer workers;

    @Option(names = "--algorithm", defaultValue = "pbkdf2", description = "${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE})")
    Algorithm algorithm;

    @Option(names = "--batch", paramLabel = "B", defaultValue = "500", description = "rows per claim and per transaction (default: ${DEFAULT-VALUE})")
    int batch;

    @Option(names = "--iterations", paramLabel = "N", description = "pbkdf2: iterations (default $LAB_ITERATIONS when set, else 600000); argon2: passes t (default 2)")
    Integer iterations;

    @Option(names = "--memory-kib", paramLabel = "M", description = "argon2: memory in KiB (default 19456)")
    Integer memoryKib;

    @Option(names = "--parallelism", paramLabel = "P", description = "argon2: lanes (default 1)")
    Integer parallelism;

    @Option(names = "--engine", defaultValue = "auto", description = "pbkdf2 implementation: auto (the fastest, measured), jdk, bc, pads (the JDK's SHA-256, HMAC pads absorbed once) or direct (the same, calling the JDK's SHA-256 compression itself) (default: ${DEFAULT-VALUE})")
    String engine;

    @Option(names = "--calibration", paramLabel = "D", defaultValue = "1s", converter = DurationConverter.class,
            description = "how long one thread's rate is measured before the run, after a warm-up in rounds of half that until the rate is steady (default: ${DEFAULT-VALUE})")
    Duration calibration;

    @Option(names = "--claim-timeout", paramLabel = "D", defaultValue = "10m", converter = DurationConverter.class,
            description = "PostgreSQL: a claim idle this long (a frozen migrator) is rolled back and its rows freed (default: ${DEFAULT-VALUE})")
    Duration claimTimeout;

    @Option(names = "--json", description = "print one JSON object on stdout")
    boolean json;

    @Override
    public Integer call() throws SQLException {
        Cost cost = cost();
        Integer given = workers != null || strategy == Strategy.sequential ? workers : fromEnvironment("LAB_WORKERS");
        int k = given == null ? (strategy == Strategy.sequential ? 1 : Runtime.getRuntime().availableProcessors()) : given;
        if (batch < 1) {
            throw new ParameterException(spec.commandLine(), "--batch must be at least 1, not " + batch);
        }
        try {
            BatchHasher.checkWorkers(strategy, k);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        Pbkdf2Engine forced = null;
        if (!engine.equals("auto")) {
            try {
                forced = Pbkdf2Engine.named(engine);
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), "--engine must be auto or one of " + java.util.Arrays.toString(Pbkdf2Engine.values()) + ", not '" + engine + "'");
            }
            if (forced.unavailable() != null) {
                throw new UserError("--engine " + engine + ": " + forced.unavailable());
            }
        }
        Database database = db.existing();
        Migration.Settings settings = new Migration.Settings(database, strategy, k, cost, batch, forced, calibration, claimTimeout);
        PrintWriter err = spec.commandLine().getErr();
        MigrateReport report = Migration.run(settings,
                pending -> json ? Progress.silent() : Progress.start(err, "migrate " + strategy + " x" + k, pending, "hashes"), err);
        print(report, cost);
        return 0;
    }

    private Cost cost() {
        try {
            // $LAB_ITERATIONS is judge hash's PBKDF2 cost: it means nothing to argon2's passes.
            Integer i = iterations != null || algorithm != Algorithm.pbkdf2 ? iterations : fromEnvironment("LAB_ITERATIONS");
            return Cost.of(algorithm, i, memoryKib, parallelism);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    /** A whole number from the environment ({@code judge hash} sets it), null when unset. */
    private Integer fromEnvironment(String name) {
        String value = System.getenv(name);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            throw new ParameterException(spec.commandLine(), "$" + name + " must be a whole number, not '" + value + "'");
        }
    }

    private void print(MigrateReport r, Cost cost) {
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(Json.line(r));
            return;
        }
        out.printf("migrated %d of %d pending users (%s, %s x%d, batch %d)%s%n", r.hashed(), r.pendingBefore(), cost,
                r.strategy(), r.workers(), r.batch(), r.pbkdf2Engine() == null ? "" : ", engine " + r.pbkdf2Engine() + " " + r.engineHps());
        out.printf("  wall %d ms, %.1f hashes/s; bound %.1f = min(%d workers, %d cores) x %.1f single-thread; efficiency %.3f%n",
                r.wallMs(), r.hashesPerS(), r.boundHps(), r.workers(), r.cores(), r.singleThreadHps(), r.efficiency());
        if (r.strategy().equals(Strategy.processes.name())) {
            out.printf("  before the clock: %d ms to start and warm up %d child JVMs%n", r.startupMs(), r.workers());
        }
        out.printf("  still in plaintext: %d; peak heap %.1f MiB of %d MiB, at most %.1f MiB live after a collection%n",
                r.pendingAfter(), r.peakHeapMb(), r.maxHeapMb(), r.liveHeapAfterGcMb());
    }
}
