package lab.server.behavior;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The lab's one way of writing a duration: a whole number with a unit, {@code 250ms}, {@code 2s},
 * {@code 1m}. Whole milliseconds are the finest grain the lab schedules, so there is no {@code us}.
 */
public final class Durations {

    private static final Pattern DURATION = Pattern.compile("(\\d{1,9})(ms|s|m)");

    private Durations() {
    }

    /** Parses {@code 250ms}, {@code 2s} or {@code 1m}; a bad text gets a message saying how to write it. */
    public static Duration parse(String text) {
        Matcher m = DURATION.matcher(text.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("bad duration '" + text + "': write a whole number and a unit, as in 250ms, 2s or 1m");
        }
        long amount = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            default -> Duration.ofMinutes(amount);
        };
    }

    /** The shortest exact form: 120000 ms is {@code 2m}, 1500 ms stays {@code 1500ms}. */
    public static String format(Duration duration) {
        long ms = duration.toMillis();
        if (ms != 0 && ms % 60_000 == 0) {
            return ms / 60_000 + "m";
        }
        if (ms != 0 && ms % 1_000 == 0) {
            return ms / 1_000 + "s";
        }
        return ms + "ms";
    }
}
