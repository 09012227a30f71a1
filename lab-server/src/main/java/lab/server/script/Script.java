package lab.server.script;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import lab.server.behavior.Overrides;

/**
 * Chosen ids with chosen fates, applied to plain {@code GET /api/items/{id}} requests: what lets a
 * judge give id 7 a 600 ms latency and id 3 a hang when it runs someone else's program, which will
 * never add {@code ?delay_ms=} or {@code ?fail=} to its requests. Set with {@code --item 7=delay:600ms}
 * at start, {@code POST /script?7=delay:600ms} while serving, or {@link #put} in-process.
 *
 * <p>Read on every item request, written rarely: a concurrent map, so a lookup takes no lock. An
 * unscripted id costs one failed lookup (an empty script, one read of its size).
 */
public final class Script {

    private final Map<String, Fate> fates = new ConcurrentHashMap<>();

    /** Gives {@code id} its {@code fate}, replacing any it had. */
    public Script put(String id, Fate fate) {
        fates.put(requireId(id), Objects.requireNonNull(fate, "fate"));
        return this;
    }

    /** Reads {@code ID=FATE}, as {@code --item} takes it ({@code 7=delay:600ms}), and puts it. */
    public Script put(String entry) {
        Map.Entry<String, Fate> e = parseEntry(entry);
        return put(e.getKey(), e.getValue());
    }

    /** Reads {@code ID=FATE} without putting it: a bad id or fate throws, saying what is allowed. */
    public static Map.Entry<String, Fate> parseEntry(String entry) {
        int eq = entry.indexOf('=');
        if (eq < 0) {
            throw new IllegalArgumentException("bad item '" + entry + "': write ID=FATE, such as 7=delay:600ms or 3=fail:hang");
        }
        return entry(entry.substring(0, eq).strip(), entry.substring(eq + 1));
    }

    /** An id and a fate's text, both checked. */
    public static Map.Entry<String, Fate> entry(String id, String fate) {
        return Map.entry(requireId(id), Fate.parse(fate));
    }

    public void clear() {
        fates.clear();
    }

    /** The overrides a request for {@code id} runs with: its query's, else its scripted fate's. */
    public Overrides overridesFor(String id, Overrides query) {
        if (fates.isEmpty()) {
            return query;
        }
        Fate fate = fates.get(id);
        return fate == null ? query : fate.under(query);
    }

    /** Every scripted id and its fate's written form, sorted by id. */
    public Map<String, String> entries() {
        Map<String, String> sorted = new TreeMap<>();
        fates.forEach((id, fate) -> sorted.put(id, fate.spec()));
        return Collections.unmodifiableMap(sorted);
    }

    /** The same rule as the item path: 1 to 64 of {@code [A-Za-z0-9_-]}. */
    private static String requireId(String id) {
        if (!id.matches("[A-Za-z0-9_-]{1,64}")) {
            throw new IllegalArgumentException("bad item id '" + id + "': use 1 to 64 of A-Z a-z 0-9 _ -");
        }
        return id;
    }
}
