package lab.client.cli;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.util.concurrent.Callable;
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
        cmd.setExecutionExceptionHandler((e, line, parsed) -> failed(e, line.getCommandSpec().qualifiedName(), line.getErr()));
        try {
            return cmd.execute(args);
        } catch (OutOfMemoryError e) {
            return outOfMemory(e, cmd.getCommandName(), cmd.getErr());
        }
    }

    /**
     * Runs a command whose flags were read without picocli ({@link QuickArgs}), ending it as
     * {@link #execute} would: the same one-line errors and exit codes, under the same name.
     */
    public static int run(String qualifiedName, Callable<Integer> command, PrintWriter err) {
        try {
            return command.call();
        } catch (OutOfMemoryError e) {
            return outOfMemory(e, qualifiedName, err);
        } catch (Exception e) {
            return failed(e, qualifiedName, err);
        }
    }

    /** Where picocli's {@code getOut()} prints by default: stdout, in the encoding picocli picks for it. */
    public static PrintWriter stdout() {
        return new PrintWriter(new OutputStreamWriter(System.out, encoding("sun.stdout.encoding")), true);
    }

    /** Where picocli's {@code getErr()} prints by default. */
    public static PrintWriter stderr() {
        return new PrintWriter(new OutputStreamWriter(System.err, encoding("sun.stderr.encoding")), true);
    }

    private static Charset encoding(String property) {
        String name = System.getProperty(property);
        return name != null ? Charset.forName(name) : Charset.defaultCharset();
    }

    private static int outOfMemory(OutOfMemoryError e, String name, PrintWriter err) {
        // picocli hands Errors on; this one has a remedy the user can apply, so it gets one line too.
        err.println(name + ": out of memory (" + e
                + "): give the JVM more heap (-Xmx) or the command smaller pieces of work (--batch)");
        err.flush();
        return EXIT_FAILED;
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

    private static int failed(Exception e, String qualifiedName, PrintWriter err) {
        boolean theUsers = e instanceof UserError || e instanceof LabApiException; // both: one line the user can act on
        String what = theUsers ? e.getMessage() : "unexpected " + describe(e);
        err.println(qualifiedName + ": " + what.replace('\n', ' '));
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
