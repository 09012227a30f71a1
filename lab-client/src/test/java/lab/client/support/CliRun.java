package lab.client.support;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import lab.client.LabClient;

/** Runs the lab-client command line in-process and keeps what it printed, for tests of the CLI itself. */
public record CliRun(int exitCode, String out, String err) {

    /**
     * The commands print through the writers {@link LabClient#execute} is given (picocli's
     * {@code getOut()} and {@code getErr()}, or the quick path's), writers of the run's own here: no
     * global stream is swapped, so runs may overlap. The same entry as {@code main}'s, so a test of
     * {@code requests} with plain flags takes the quick path a user's shell takes.
     */
    public static CliRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = LabClient.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new CliRun(code, out.toString(), err.toString());
    }

    public List<String> outLines() {
        return out.lines().toList();
    }

    public List<String> errLines() {
        return err.lines().toList();
    }
}
