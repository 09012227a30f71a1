package lab.server.bench;

import java.util.List;

/** The bench programs' {@code --name value} flags: small mains, so no parser library. */
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
