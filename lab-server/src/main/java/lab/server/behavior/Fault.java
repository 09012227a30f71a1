package lab.server.behavior;

import java.util.Locale;
import java.util.Optional;

/** What goes wrong with a request, if anything. Forced with {@code ?fail=500|503|reset|hang}. */
public enum Fault {
    /** Served normally: 200 after the drawn latency. */
    NONE,
    /** 500 Internal Server Error after the drawn latency. */
    ERROR_500,
    /** 503 Service Unavailable after the drawn latency. */
    ERROR_503,
    /** The connection is reset (RST, no response) after the drawn latency. */
    RESET,
    /** No response at all; the slot stays taken until the client closes the connection. */
    HANG;

    /** The query-parameter word, {@code 500}, {@code 503}, {@code reset} or {@code hang}. */
    public String word() {
        return switch (this) {
            case NONE -> "none";
            case ERROR_500 -> "500";
            case ERROR_503 -> "503";
            default -> name().toLowerCase(Locale.ROOT);
        };
    }

    /** Reads the {@code fail} query parameter's value. */
    public static Optional<Fault> ofWord(String word) {
        for (Fault f : values()) {
            if (f != NONE && f.word().equals(word)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }
}
