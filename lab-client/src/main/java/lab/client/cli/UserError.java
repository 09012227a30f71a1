package lab.client.cli;

/**
 * A failure the user can act on (a bad URL, an unreachable server, a missing table): the command
 * ends with its message as one line on stderr and exit code 1, never a stack trace.
 */
public final class UserError extends RuntimeException {

    public UserError(String message) {
        super(message, null, false, false);
    }

    public UserError(String message, Throwable cause) {
        super(message, cause, false, false);
    }
}
