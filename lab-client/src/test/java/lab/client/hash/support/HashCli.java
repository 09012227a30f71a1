package lab.client.hash.support;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import lab.client.LabClient;
import lab.client.support.CliRun;
import lab.server.support.ChildJvm;

/**
 * Runs {@code lab-client hash ...} in this JVM exactly as {@code main} would (same parsing, same
 * error handling), capturing stdout and stderr through {@link CliRun}; or in a child JVM, for what
 * only a real process shows (a SIGKILL mid-run, a small {@code -Xmx}, several migrators at once).
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

    /** {@code lab-client hash ARGS} in a child JVM with {@code jvmFlags}, its output in files. */
    public static Process child(List<String> jvmFlags, Path stdout, Path stderr, String... args) throws IOException {
        List<String> all = new ArrayList<>(List.of("hash"));
        all.addAll(List.of(args));
        return ChildJvm.start(jvmFlags, stdout, stderr, LabClient.class, all.toArray(String[]::new));
    }
}
