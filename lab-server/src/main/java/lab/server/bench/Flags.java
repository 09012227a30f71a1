package lab.server.bench;

import java.util.List;
import java.util.function.Function;

/**
 * The {@code --name value} flags of the lab's small mains: the benches (in the test sources of this
 * package and lab-client's) and lab-client's hash worker, a child JVM that {@code processes} starts
 * with flags it writes itself. Small mains that should start light, so no parser library; in the main
 * sources so that the shipped worker reads its flags the same way the benches do.
 */
public final class Flags {

    private Flags() {
    }

    public static String string(String[] args, String name, String fallback) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }

    public static int integer(String[] args, String name, int fallback) {
        Integer value = integerOrNull(args, name);
        return value == null ? fallback : value;
    }

    /** The flag's whole number, or null when it is not given; a value that is not one names the flag. */
    public static Integer integerOrNull(String[] args, String name) {
        String value = string(args, name, null);
        try {
            return value == null ? null : Integer.valueOf(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " takes a whole number, not '" + value + "'");
        }
    }

    /**
     * The lab's rule for a bench main's flags: what {@code reader} makes of {@code args}, or, when a
     * flag is bad, its one line on stderr and exit code 2 before any work starts, never a stack trace.
     * Only the reading is guarded, so an error during the measurement still shows where it came from.
     */
    public static <T> T readOrExit(String[] args, Function<String[], T> reader) {
        try {
            return reader.apply(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            throw new AssertionError("unreachable");
        }
    }

    /** Refuses a flag the program does not know, in one line that lists the ones it does. */
    public static void requireKnown(String program, String[] args, String... names) {
        List<String> known = List.of(names);
        for (int i = 0; i < args.length; i += 2) {
            if (!known.contains(args[i])) {
                throw new IllegalArgumentException(program + ": unknown flag " + args[i] + " (allowed: "
                        + String.join(", ", known) + ", each followed by its value)");
            }
        }
    }
}
