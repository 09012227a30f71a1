package lab.client.primitives;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import lab.server.behavior.DurationConverter;
import lab.client.cli.Json;
import lab.client.cli.Progress;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/** {@code primitives}: one exercise per synchronisation primitive, reference and naive side by side under stress. */
@Command(name = "primitives", mixinStandardHelpOptions = true,
        description = "Run a primitive's exercise: its reference and naive solutions under stress, and how often each broke the invariant.")
public final class PrimitivesCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--exercise", required = true, converter = ExerciseConverter.class,
            description = "event, condition, bounded-semaphore or barrier")
    private ExerciseName exercise;

    @Option(names = "--rounds", defaultValue = "100", description = "rounds to run, each once per side (default: ${DEFAULT-VALUE})")
    private int rounds;

    @Option(names = "--time-limit", defaultValue = "60s", converter = DurationConverter.class,
            description = "stop starting rounds after this long (default: ${DEFAULT-VALUE})")
    private Duration timeLimit;

    @Option(names = "--stuck-after", defaultValue = "200ms", converter = DurationConverter.class,
            description = "a round's workers still blocked after this long are stuck for good (default: ${DEFAULT-VALUE})")
    private Duration stuckAfter;

    @Option(names = "--seed", defaultValue = "42", description = "seed of the rounds' draws (default: ${DEFAULT-VALUE})")
    private long seed;

    @Option(names = "--json", description = "print one JSON object on stdout")
    private boolean json;

    @Option(names = "--explain", description = "instead of the stress run, show why the naive solution breaks:"
            + " the interleaving Lincheck's model checker found")
    private boolean explain;

    @Override
    public Integer call() throws InterruptedException {
        if (explain) {
            return explain();
        }
        if (rounds < 1 || rounds > 1_000_000) {
            throw new ParameterException(spec.commandLine(), "bad --rounds " + rounds + ": use 1 to 1000000");
        }
        if (timeLimit.isZero() || stuckAfter.isZero()) {
            throw new ParameterException(spec.commandLine(), "--time-limit and --stuck-after must be above 0ms");
        }
        PrimitivesResult result;
        try (Progress progress = json ? Progress.silent() : Progress.start(spec.commandLine().getErr(), "primitives " + exercise, rounds, "rounds")) {
            result = Stress.run(exercise, rounds, timeLimit, stuckAfter, seed, progress);
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println(json ? Json.line(result) : describe(result));
        out.flush();
        return 0;
    }

    private int explain() {
        Explanation explanation = Explanation.of(exercise);
        PrintWriter out = spec.commandLine().getOut();
        out.println(json ? Json.line(explanation) : describe(explanation));
        out.flush();
        return 0;
    }

    private static String describe(Explanation e) {
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT, """
                primitives %s --explain: why does the naive solution break?
                  invariant   %s
                  naive       %s
                """, e.exercise(), e.invariant(), e.naive()));
        if (!e.modelChecked()) {
            return text.append("""

                    Not model-checked: this exercise has no Lincheck test yet. The stress run (primitives --exercise %s)
                    and its forced-interleaving test show the break.""".formatted(e.exercise())).toString();
        }
        for (Explanation.Interleaving found : e.interleavings()) {
            text.append('\n').append(found.caught()).append('\n')
                    .append("(").append(found.recorded()).append(")\n\n")
                    .append(found.report());
        }
        return text.toString().stripTrailing();
    }

    private static String describe(PrimitivesResult r) {
        return String.format(Locale.ROOT, """
                primitives %s: %s -> %s
                  invariant   %s
                  reference   %s
                              broke it in %d of %d rounds (the bound: 0)
                  naive       %s
                              broke it in %d of %d rounds
                  wall        %.0f ms%s""",
                r.exercise(), r.asyncioPrimitive(), r.javaCounterpart(), r.invariant(),
                r.reference(), r.referenceViolations(), r.rounds(), r.naive(), r.naiveViolations(), r.rounds(),
                r.wallMs(), r.rounds() < r.roundsAsked() ? "  (time limit reached after " + r.rounds() + " of " + r.roundsAsked() + " rounds)" : "");
    }

    /** Reads the exercise by its command-line name, so a typo gets the list of names in one line. */
    static final class ExerciseConverter implements ITypeConverter<ExerciseName> {
        @Override
        public ExerciseName convert(String value) {
            return Arrays.stream(ExerciseName.values()).filter(e -> e.cliName().equals(value)).findFirst()
                    .orElseThrow(() -> new TypeConversionException("bad --exercise '" + value + "': use "
                            + Arrays.stream(ExerciseName.values()).map(ExerciseName::cliName).collect(Collectors.joining(", "))));
        }
    }
}
