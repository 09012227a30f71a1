package lab.client.judge;

import java.time.Duration;
import java.util.concurrent.Callable;
import lab.client.judge.hash.HashJudge;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code judge hash [--users N] [--iterations I] [--json] [--show] -- COMMAND...}: a password-migration program. */
@Command(name = "hash", mixinStandardHelpOptions = true,
        description = {"Judges a program that hashes every plaintext password of the SQLite table $LAB_DB in place",
                "($pbkdf2-sha256$i=$LAB_ITERATIONS$salt$hash into password_hash, password cleared), on $LAB_WORKERS cores, crash-safe.",
                "It must print nothing on stdout. --time-limit is each run's: by default 20s at the default --users and",
                "--iterations, scaled by users x iterations above them."})
public final class JudgeHashCommand implements Callable<Integer> {

    static final long DEFAULT_USERS = 2_000;
    static final int DEFAULT_ITERATIONS = 10_000;
    /** The time limit at the default table and cost; it grows with users x iterations unless --time-limit is given. */
    static final Duration DEFAULT_TIME_LIMIT = Duration.ofSeconds(20);

    @Spec
    private CommandSpec spec;

    @Option(names = "--users", paramLabel = "N", defaultValue = "" + DEFAULT_USERS,
            description = "users in each table the judge seeds (default: ${DEFAULT-VALUE})")
    private long users;

    @Option(names = "--iterations", paramLabel = "I", defaultValue = "" + DEFAULT_ITERATIONS,
            description = "PBKDF2-HMAC-SHA256 iterations asked for, LAB_ITERATIONS (default: ${DEFAULT-VALUE}; OWASP's 600000 is for production)")
    private int iterations;

    @Mixin
    private ProgramOptions options;

    @Override
    public Integer call() throws InterruptedException {
        if (users < 10 || users > 1_000_000) {
            throw new ParameterException(spec.commandLine(), "bad --users " + users + ": use 10 to 1000000");
        }
        if (iterations < 1 || iterations > 10_000_000) {
            throw new ParameterException(spec.commandLine(), "bad --iterations " + iterations + ": use 1 to 10000000");
        }
        HashJudge.Settings settings = new HashJudge.Settings(users, iterations, options.command(), timeLimit(), options.json(), options.show());
        return HashJudge.judge(settings, spec.commandLine().getOut(), spec.commandLine().getErr());
    }

    /** --time-limit when given; else 20 s for the default table and cost, scaled by users x iterations (never less). */
    private Duration timeLimit() {
        Duration given = options.timeLimit();
        if (spec.commandLine().getParseResult().hasMatchedOption("--time-limit")) {
            return given;
        }
        double work = (double) users * iterations / (DEFAULT_USERS * DEFAULT_ITERATIONS);
        return Duration.ofMillis(Math.round(DEFAULT_TIME_LIMIT.toMillis() * Math.max(1, work)));
    }
}
