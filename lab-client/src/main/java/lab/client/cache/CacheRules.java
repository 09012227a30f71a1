package lab.client.cache;

import java.util.Optional;

/**
 * The rules of the cache stampede, each judged on the server's own figures, each returning its
 * complaint (empty when the rule held) in words that say what the cache did. One set of words for
 * every judge: {@code CacheStrategyContract} applies them to the lab's strategies,
 * {@code lab-client judge cache} to anyone's program.
 */
public final class CacheRules {

    private CacheRules() {
    }

    /** One upstream call per key, however many callers missed it together. */
    public static Optional<String> oneCallPerKey(long calls, int keys, int callers) {
        if (calls == keys) {
            return Optional.empty();
        }
        return Optional.of(calls + " upstream calls for " + keys + " keys under " + callers + " concurrent callers ("
                + callers / keys + " per key); want exactly " + keys + ", one per key: callers that missed together each"
                + " called upstream (the stampede)");
    }

    /** Loads of different keys overlap: as many in flight at once as there are keys, up to the limit. */
    public static Optional<String> keysLoadInParallel(int maxInFlight, int keys, long loadMs, int limit) {
        int want = Math.min(keys, limit);
        if (maxInFlight == want) {
            return Optional.empty();
        }
        if (maxInFlight > want) {
            return Optional.of(maxInFlight + " loads were in flight at once for " + keys + " keys (server max_in_flight):"
                    + " the same key was loaded by several callers at the same time");
        }
        return Optional.of("different keys waited for each other: at most " + maxInFlight + " of " + keys + " loads of"
                + " different keys were in flight at once (server max_in_flight; each load lasts " + loadMs + " ms and "
                + want + " fit under the limit of " + limit + ")");
    }

    /** A failing load is one call, whose error every waiter gets. */
    public static Optional<String> failedLoadShared(long calls, int callers) {
        if (calls == 1) {
            return Optional.empty();
        }
        return Optional.of("a failing key was called " + calls + " times by " + callers + " concurrent callers; want"
                + " exactly 1 call, whose error every waiter gets (each waiter called again after the failure)");
    }

    /** A caller that gives up leaves the shared load to the others. */
    public static Optional<String> giveUpCancelsNothing(int gaveUpOnThem, int patient) {
        if (gaveUpOnThem == 0) {
            return Optional.empty();
        }
        return Optional.of("a caller that gave up cancelled the load for the others: " + gaveUpOnThem + " of " + patient
                + " waiters that kept waiting got no value (one shared future was handed to every caller, and one"
                + " caller cancelled it)");
    }

    /** An expired hot key is reloaded once, not by every caller that finds it stale. */
    public static Optional<String> reloadedOnce(long reloads, int callers) {
        if (reloads == 1) {
            return Optional.empty();
        }
        return Optional.of("an expired hot key was reloaded " + reloads + " times by " + callers + " concurrent callers;"
                + " want exactly 1 reload (the refresh stampeded)");
    }
}
