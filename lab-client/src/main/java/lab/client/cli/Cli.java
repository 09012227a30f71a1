package lab.client.cli;

import java.io.PrintWriter;
import lab.client.api.LabApiException;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/**
 * Runs a picocli command the lab's way: a bad flag is one line on stderr and exit code 2, a
 * {@link UserError} (or {@link LabApiException}) one line and exit code 1, anything unexpected (out of memory included) one line
 * naming the exception (the stack trace only with {@code LAB_DEBUG=1}).
 */
public final class Cli {

    public static final int EXIT_FAILED = 1;
    public static final int EXIT_BAD_FLAGS = 2;

    private Cli() {
    }

    public static int execute(Object command, String... args) {
        return execute(new CommandLine(command), args);
    }

    public static int execute(CommandLine cmd, String... args) {
        cmd.setParameterExceptionHandler(Cli::badFlags);
        cmd.setExecutionExceptionHandler((e, line, parsed) -> failed(e, line));
        try {
            return cmd.execute(args);
        } catch (OutOfMemoryError e) {
            // picocli hands Errors on; this one has a remedy the user can apply, so it gets one line too.
            cmd.getErr().println(cmd.getCommandName() + ": out of memory (" + e
                    + "): give the JVM more heap (-Xmx) or the command smaller pieces of work (--batch)");
            cmd.getErr().flush();
            return EXIT_FAILED;
        }
    }

    private static int badFlags(ParameterException e, String[] args) {
        CommandLine line = e.getCommandLine();
        String message = e.getMessage().replace('\n', ' ').strip();
        PrintWriter err = line.getErr();
        err.println(line.getCommandSpec().qualifiedName() + ": " + message
                + " (see " + line.getCommandSpec().qualifiedName() + " --help)");
        err.flush();
        return EXIT_BAD_FLAGS;
    }

    private static int failed(Exception e, CommandLine line) {
        PrintWriter err = line.getErr();
        boolean theUsers = e instanceof UserError || e instanceof LabApiException; // both: one line the user can act on
        String what = theUsers ? e.getMessage() : "unexpected " + describe(e);
        err.println(line.getCommandSpec().qualifiedName() + ": " + what.replace('\n', ' '));
        if ("1".equals(System.getenv("LAB_DEBUG"))) {
            e.printStackTrace(err);
        }
        err.flush();
        return e instanceof UserError u ? u.exitCode() : EXIT_FAILED;
    }

    /** The innermost cause: what a wrapping exception (a driver's, an executor's) was about. */
    public static Throwable rootCause(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }

    private static String describe(Throwable e) {
        Throwable root = rootCause(e);
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage())
                + " (LAB_DEBUG=1 shows the stack trace)";
    }
}
