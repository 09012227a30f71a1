package lab.client.cli;

/**
 * A failure the user can act on (a bad URL, an unreachable server, a missing table): the command
 * ends with its message as one line on stderr and its exit code (1 unless a command says otherwise,
 * as {@code hash verify} does to keep 1 for its verdict), never a stack trace.
 */
public final class UserError extends RuntimeException {

    private final int exitCode;

    public UserError(String message) {
        this(message, null, Cli.EXIT_FAILED);
    }

    public UserError(String message, Throwable cause) {
        this(message, cause, Cli.EXIT_FAILED);
    }

    private UserError(String message, Throwable cause, int exitCode) {
        super(message, cause, false, false);
        this.exitCode = exitCode;
    }

    /** The same error, ending the command with {@code code} instead. */
    public UserError exitingWith(int code) {
        return new UserError(getMessage(), getCause(), code);
    }

    public int exitCode() {
        return exitCode;
    }
}
