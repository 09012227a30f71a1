package lab.client.api;

/**
 * lab-server could not be reached, or answered what the lab does not expect (a bad URL, a server
 * that is down, a {@code /stats} with a field missing or unknown). A failure the user can act on: a
 * command ends with its message as one line on stderr and exit code 1, as with the CLI's own errors.
 */
public final class LabApiException extends RuntimeException {

    public LabApiException(String message) {
        super(message, null, false, false);
    }

    public LabApiException(String message, Throwable cause) {
        super(message, cause, false, false);
    }
}
