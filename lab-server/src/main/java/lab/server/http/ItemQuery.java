package lab.server.http;

import io.netty.handler.codec.http.QueryStringDecoder;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import lab.server.behavior.Fault;
import lab.server.behavior.Overrides;

/** Reads and checks the parts of {@code /api/items/{id}?delay_ms=N&fail=...}; a bad part is a 400 with its reason. */
final class ItemQuery {

    static final String PREFIX = "/api/items/";

    /** Ten minutes: long enough for any experiment, short enough that a typo does not pin a slot for days. */
    static final long MAX_DELAY_MS = 600_000;

    static final int MAX_ID_LENGTH = 64;

    /** Thrown for a request that names an item badly; its message goes to the client. */
    static final class BadItemRequest extends Exception {
        BadItemRequest(String message) {
            super(message, null, false, false);
        }
    }

    private ItemQuery() {
    }

    static ItemRequest parse(QueryStringDecoder uri) throws BadItemRequest {
        String id = uri.path().substring(PREFIX.length());
        if (!isValidId(id)) {
            throw new BadItemRequest("bad item id '" + abbreviate(id) + "': use 1 to 64 of A-Z a-z 0-9 _ -");
        }
        Map<String, List<String>> params;
        try {
            params = uri.parameters(); // decoded here, lazily: a broken %-escape throws
        } catch (IllegalArgumentException e) {
            throw new BadItemRequest("malformed query: " + e.getMessage());
        }
        return new ItemRequest(id, new Overrides(delay(params.get("delay_ms")), fault(params.get("fail"))));
    }

    /** 1 to 64 of {@code [A-Za-z0-9_-]}: checked by hand, as this runs for every request (a regex costs more). */
    static boolean isValidId(String id) {
        if (id.isEmpty() || id.length() > MAX_ID_LENGTH) {
            return false;
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static OptionalLong delay(List<String> values) throws BadItemRequest {
        if (values == null || values.isEmpty()) {
            return OptionalLong.empty();
        }
        String text = values.get(0);
        try {
            long ms = Long.parseLong(text);
            if (ms >= 0 && ms <= MAX_DELAY_MS) {
                return OptionalLong.of(ms);
            }
        } catch (NumberFormatException ignored) {
            // falls through to the one message for every bad value
        }
        throw new BadItemRequest("bad delay_ms '" + abbreviate(text) + "': use a whole number of milliseconds from 0 to " + MAX_DELAY_MS);
    }

    private static Optional<Fault> fault(List<String> values) throws BadItemRequest {
        if (values == null || values.isEmpty()) {
            return Optional.empty();
        }
        String text = values.get(0);
        Optional<Fault> fault = Fault.ofWord(text);
        if (fault.isEmpty()) {
            throw new BadItemRequest("bad fail '" + abbreviate(text) + "': use 500, 503, reset or hang");
        }
        return fault;
    }

    private static String abbreviate(String s) {
        return s.length() <= 80 ? s : s.substring(0, 77) + "...";
    }
}
