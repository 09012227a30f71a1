package lab.client.primitives.bench;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import lab.client.bench.BenchFlags;
import lab.client.bench.JsonLines;
import lab.client.cli.Progress;
import lab.client.cli.Table;
import lab.client.primitives.ExerciseName;
import lab.client.primitives.PrimitivesResult;
import lab.client.primitives.Stress;
import lab.server.bench.Flags;

/**
 * The primitives bench: every exercise of {@code lab-client primitives}, its reference and naive
 * solutions side by side under the same stress ({@link Stress#run}, the command's own measurement),
 * with the command's defaults for everything but the rounds. Prints how often each side broke its
 * invariant next to the bound (the reference: 0) and, with {@code --out}, appends each exercise as
 * the JSON line {@code primitives --json} prints, stamped with {@code run_at} and {@code jdk}.
 * Needs no server.
 *
 * <pre>./lab bench-primitives [--rounds 200] [--out FILE]</pre>
 */
public final class PrimitivesBench {

    static final String PROGRAM = "bench-primitives";
    /** The command's defaults: a worker still blocked after this long is stuck for good; the rounds' seed. */
    private static final Duration STUCK_AFTER = Duration.ofMillis(200);
    private static final long SEED = 42;
    /** A bound on each exercise, far above what its rounds take, so that a hang cannot hold the bench for ever. */
    private static final Duration TIME_LIMIT = Duration.ofMinutes(2);

    record Settings(int rounds, Path out) {
    }

    public static void main(String[] args) throws Exception {
        Settings s = Flags.readOrExit(args, PrimitivesBench::settings);
        Instant runAt = Instant.now();
        JsonLines lines = JsonLines.appendingTo(s.out());
        List<PrimitivesResult> results = new ArrayList<>();
        for (ExerciseName exercise : ExerciseName.values()) {
            PrimitivesResult r;
            try (Progress progress = Progress.start(new PrintWriter(System.err, true), "primitives " + exercise, s.rounds(), "rounds")) {
                r = Stress.run(exercise, s.rounds(), TIME_LIMIT, STUCK_AFTER, SEED, progress);
            }
            results.add(r);
            System.err.printf(Locale.ROOT, "%-17s %d rounds: reference broke it in %d, naive in %d  (%.0f ms)%n", exercise,
                    r.rounds(), r.referenceViolations(), r.naiveViolations(), r.wallMs());
            lines.write(JsonLines.stamp(JsonLines.fields(r), runAt));
        }
        print(s, results);
        if (lines.path() != null) {
            System.out.println("appended " + results.size() + " lines to " + lines.path());
        }
    }

    static Settings settings(String[] args) {
        BenchFlags.requireKnown(PROGRAM, args, "--rounds", "--out");
        String out = Flags.string(args, "--out", null);
        return new Settings(BenchFlags.count(PROGRAM, args, "--rounds", 200, 1, 1_000_000), out == null ? null : Path.of(out));
    }

    private static void print(Settings s, List<PrimitivesResult> results) {
        System.out.printf(Locale.ROOT, "primitives bench: %d rounds per exercise, each round once per side, seed %d, stuck after %d ms,"
                + " JDK %s, %d cores%n", s.rounds(), SEED, STUCK_AFTER.toMillis(), Runtime.version(),
                Runtime.getRuntime().availableProcessors());
        Table t = new Table("exercise", "asyncio", "Java", "rounds", "reference broke it", "bound", "naive broke it", "wall ms");
        results.forEach(r -> t.row(r.exercise(), r.asyncioPrimitive(), r.javaCounterpart(), r.rounds(), r.referenceViolations(), 0,
                r.naiveViolations(), String.format(Locale.ROOT, "%.0f", r.wallMs())));
        System.out.print(t);
        System.out.println("A round runs both sides from the same draws, in alternating order; rounds below the asked number mean"
                + " the time limit of " + TIME_LIMIT.toMinutes() + " min per exercise came first.");
    }
}
