package lab.client.cli;

/**
 * A flag's value the command refuses once the flags are read (a strategy it does not know, a count
 * out of range). Thrown before the command does anything, so that either way of reading the flags
 * can report it: picocli as its {@code ParameterException} (one line, exit 2), the quick path
 * ({@link QuickArgs}) by handing the whole command line to picocli.
 */
public final class BadFlag extends RuntimeException {

    public BadFlag(String message) {
        super(message, null, false, false);
    }
}
