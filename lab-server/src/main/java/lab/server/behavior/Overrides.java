package lab.server.behavior;

import java.util.Optional;
import java.util.OptionalLong;

/** What a request's query asks for instead of the drawn behaviour: {@code delay_ms=N}, {@code fail=...}. */
public record Overrides(OptionalLong delayMs, Optional<Fault> fault) {

    public static final Overrides NONE = new Overrides(OptionalLong.empty(), Optional.empty());
}
