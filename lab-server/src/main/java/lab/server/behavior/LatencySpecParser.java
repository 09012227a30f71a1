package lab.server.behavior;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the {@code --latency} syntax into a {@link LatencyModel}. */
final class LatencySpecParser {

    private static final Pattern UNIFORM = Pattern.compile("([^.]+)\\.\\.(.+)");
    private static final Pattern LOGNORMAL = Pattern.compile("median=([^,]+),p99=(.+)");
    private static final Pattern BIMODAL = Pattern.compile("([^,]+),([^@]+)@(\\d+(?:\\.\\d+)?)%");

    private LatencySpecParser() {
    }

    static LatencyModel parse(String spec) {
        String text = spec.strip();
        int colon = text.indexOf(':');
        if (colon < 0) {
            throw bad(spec, null);
        }
        String args = text.substring(colon + 1).replace(" ", "");
        try {
            return switch (text.substring(0, colon)) {
                case "fixed" -> LatencyModel.fixed(Durations.parse(args));
                case "uniform" -> {
                    Matcher m = match(UNIFORM, args, spec);
                    yield LatencyModel.uniform(Durations.parse(m.group(1)), Durations.parse(m.group(2)));
                }
                case "lognormal" -> {
                    Matcher m = match(LOGNORMAL, args, spec);
                    yield LatencyModel.lognormal(Durations.parse(m.group(1)), Durations.parse(m.group(2)));
                }
                case "bimodal" -> {
                    Matcher m = match(BIMODAL, args, spec);
                    yield LatencyModel.bimodal(Durations.parse(m.group(1)), Durations.parse(m.group(2)),
                            Double.parseDouble(m.group(3)) / 100);
                }
                default -> throw bad(spec, null);
            };
        } catch (IllegalArgumentException e) {
            throw e.getMessage() != null && e.getMessage().startsWith("bad latency") ? e : bad(spec, e.getMessage());
        }
    }

    private static Matcher match(Pattern pattern, String args, String spec) {
        Matcher m = pattern.matcher(args);
        if (!m.matches()) {
            throw bad(spec, null);
        }
        return m;
    }

    private static IllegalArgumentException bad(String spec, String why) {
        return new IllegalArgumentException("bad latency '" + spec + "'" + (why == null ? "" : " (" + why + ")")
                + ": write " + LatencyModel.ALLOWED_SPECS);
    }
}
