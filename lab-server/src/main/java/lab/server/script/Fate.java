package lab.server.script;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;
import lab.server.behavior.Durations;
import lab.server.behavior.Fault;
import lab.server.behavior.Overrides;

/**
 * What a scripted id does instead of its drawn behaviour, written {@code delay:600ms}, {@code fail:hang}
 * or both, comma-separated ({@code delay:50ms,fail:500}): the same two overrides as the query's
 * {@code delay_ms} and {@code fail}, so a scripted {@code GET /api/items/7} behaves exactly like
 * {@code GET /api/items/7?delay_ms=600}.
 */
public record Fate(Overrides overrides) {

    /** What {@link #parse} takes, for error messages. */
    public static final String ALLOWED = "delay:D (such as delay:600ms, at most 10m), fail:500|503|reset|hang, or both as delay:D,fail:F";

    private static final long MAX_DELAY_MS = Duration.ofMinutes(10).toMillis();

    /** Reads {@code delay:600ms}, {@code fail:hang}, {@code delay:50ms,fail:500}; a bad text says what is allowed. */
    public static Fate parse(String text) {
        OptionalLong delay = OptionalLong.empty();
        Optional<Fault> fault = Optional.empty();
        for (String part : text.strip().split(",", -1)) {
            String p = part.strip();
            if (p.startsWith("delay:") && delay.isEmpty()) {
                delay = OptionalLong.of(delayMs(text, p.substring("delay:".length())));
            } else if (p.startsWith("fail:") && fault.isEmpty()) {
                fault = Optional.of(Fault.ofWord(p.substring("fail:".length()))
                        .orElseThrow(() -> bad(text)));
            } else {
                throw bad(text);
            }
        }
        return new Fate(new Overrides(delay, fault));
    }

    /** The written form, {@code delay:600ms,fail:500}, as {@link #parse} reads it back. */
    public String spec() {
        StringBuilder s = new StringBuilder();
        overrides.delayMs().ifPresent(ms -> s.append("delay:").append(Durations.format(Duration.ofMillis(ms))));
        overrides.fault().ifPresent(f -> s.append(s.isEmpty() ? "" : ",").append("fail:").append(f.word()));
        return s.toString();
    }

    /** The query's own overrides win, part by part: a test that asks for {@code ?fail=500} on a scripted id gets it. */
    Overrides under(Overrides query) {
        return new Overrides(query.delayMs().isPresent() ? query.delayMs() : overrides.delayMs(),
                query.fault().isPresent() ? query.fault() : overrides.fault());
    }

    private static long delayMs(String text, String duration) {
        long ms;
        try {
            ms = Durations.parse(duration).toMillis();
        } catch (IllegalArgumentException e) {
            throw bad(text);
        }
        if (ms > MAX_DELAY_MS) {
            throw bad(text);
        }
        return ms;
    }

    private static IllegalArgumentException bad(String text) {
        return new IllegalArgumentException("bad fate '" + text + "': use " + ALLOWED);
    }
}
