package lab.client.bench;

import lab.server.bench.Flags;

/**
 * The lab's rule for a bench main's flags, on top of {@link Flags}: a bad one ends the program with
 * one line on stderr and exit code 2 before any work starts, never a stack trace. Only the reading
 * of the flags is guarded, so an error during the measurement still shows where it came from.
 */
public final class BenchFlags {

    /** Reads a bench's settings from its arguments; throws IllegalArgumentException on a bad flag. */
    public interface Reader<T> {
        T read(String[] args);
    }

    private BenchFlags() {
    }

    /** The settings {@code reader} makes of {@code args}, or exit 2 with its message as the one line. */
    public static <T> T readOrExit(String[] args, Reader<T> reader) {
        return Flags.readOrExit(args, reader::read);
    }

    /** Refuses an unknown flag, or a flag left without its value, in one line that names it. */
    public static void requireKnown(String program, String[] args, String... names) {
        Flags.requireKnown(program, args, names);
        if (args.length % 2 == 1) {
            throw new IllegalArgumentException(program + ": " + args[args.length - 1] + " needs a value");
        }
    }

    /** A whole number flag within [min, max], named in the error when it is not one. */
    public static int count(String program, String[] args, String name, int fallback, int min, int max) {
        String value = Flags.string(args, name, null);
        if (value == null) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(value);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below, with the flag's name and range
        }
        throw new IllegalArgumentException(program + ": bad " + name + " '" + value + "' (allowed: " + min + " to " + max + ")");
    }
}
