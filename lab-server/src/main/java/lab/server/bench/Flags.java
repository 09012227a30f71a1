package lab.server.bench;

import java.util.List;

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
        String value = string(args, name, null);
        return value == null ? fallback : Integer.parseInt(value);
    }

    /** The flag's whole number, or null when it is not given. */
    public static Integer integerOrNull(String[] args, String name) {
        String value = string(args, name, null);
        return value == null ? null : Integer.valueOf(value);
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
