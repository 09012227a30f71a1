package lab.client.hash.support;

import java.util.ArrayList;
import java.util.List;
import lab.client.support.CliRun;

/**
 * Runs {@code lab-client hash ...} in this JVM exactly as {@code main} would (same parsing, same
 * error handling), capturing stdout and stderr through {@link CliRun}.
 */
public final class HashCli {

    private HashCli() {
    }

    /** Exit code and what the command printed. */
    public record Result(int exitCode, String stdout, String stderr) {
    }

    public static Result run(String... args) {
        List<String> all = new ArrayList<>(List.of("hash"));
        all.addAll(List.of(args));
        CliRun run = CliRun.of(all.toArray(String[]::new));
        return new Result(run.exitCode(), run.out(), run.err());
    }
}
