package lab.client.support;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import lab.client.LabClient;
import lab.client.cli.Cli;
import picocli.CommandLine;

/** Runs the lab-client command line in-process and keeps what it printed, for tests of the CLI itself. */
public record CliRun(int exitCode, String out, String err) {

    /**
     * The commands print through picocli's {@code getOut()} and {@code getErr()}, which are given
     * writers of the run's own here: no global stream is swapped, so runs may overlap.
     */
    public static CliRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cmd = LabClient.commandLine(args);
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        int code = Cli.execute(cmd, args);
        return new CliRun(code, out.toString(), err.toString());
    }

    public List<String> outLines() {
        return out.lines().toList();
    }

    public List<String> errLines() {
        return err.lines().toList();
    }
}
