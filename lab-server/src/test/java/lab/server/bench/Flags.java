package lab.server.bench;

/** The bench programs' {@code --name value} flags: small mains, so no parser library. */
final class Flags {

    private Flags() {
    }

    static String string(String[] args, String name, String fallback) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }

    static int integer(String[] args, String name, int fallback) {
        String value = string(args, name, null);
        return value == null ? fallback : Integer.parseInt(value);
    }
}
