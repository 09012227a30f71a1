package lab.client.bench;

import lab.server.bench.Flags;

/**
 * What lab-client's bench mains check in their flags beyond {@link Flags} (which also holds the
 * exit-2 rule, {@link Flags#readOrExit}): a flag left without its value, a number within a range.
 */
public final class BenchFlags {

    private BenchFlags() {
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
