package lab.client.hash.support;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import lab.client.LabClient;
import lab.client.cli.Cli;

/**
 * Runs {@code lab-client hash ...} in this JVM exactly as {@code main} would (same parsing, same
 * error handling), capturing stdout and stderr. Tests run one at a time, so swapping
 * {@code System.out} for the duration of a run is safe.
 */
public final class HashCli {

    private HashCli() {
    }

    /** Exit code and what the command printed. */
    public record Result(int exitCode, String stdout, String stderr) {
    }

    public static synchronized Result run(String... args) {
        List<String> all = new ArrayList<>(List.of("hash"));
        all.addAll(List.of(args));
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
        ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
        try (PrintStream capturedOut = new PrintStream(outBytes, true, StandardCharsets.UTF_8);
             PrintStream capturedErr = new PrintStream(errBytes, true, StandardCharsets.UTF_8)) {
            System.setOut(capturedOut);
            System.setErr(capturedErr);
            int code = Cli.execute(new LabClient(), all.toArray(String[]::new));
            return new Result(code, outBytes.toString(StandardCharsets.UTF_8), errBytes.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }
}
