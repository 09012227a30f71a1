package lab.client.requests.rules;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import lab.server.stats.ServerStats;

/**
 * The rules of the requests task, each judged on what was handed on and on the server's own
 * figures, each returning its complaints (empty when the rule held) in words that say what went
 * wrong. One set of words for every judge: {@code RequestStrategyContract} applies them to the
 * lab's strategies, {@code lab-client judge requests} to anyone's program.
 */
public final class RequestRules {

    private RequestRules() {
    }

    /** Every handed result a 200. */
    public static List<String> allAnswered(List<Handed> handed) {
        List<Handed> notOk = handed.stream().filter(h -> !h.ok()).toList();
        if (notOk.isEmpty()) {
            return List.of();
        }
        Handed first = notOk.get(0);
        return List.of(notOk.size() + " ids were not answered 200 (first: id " + first.id() + " got " + first.status()
                + (first.detail() == null ? "" : ", " + first.detail()) + ")");
    }

    /** No id handed on twice. */
    public static List<String> eachHandedOnce(List<Handed> handed) {
        Set<String> seen = new HashSet<>();
        return handed.stream().map(Handed::id).filter(id -> !seen.add(id)).findFirst()
                .map(id -> List.of("id " + id + " was handed on more than once")).orElse(List.of());
    }

    /** As many results as ids. */
    public static List<String> oneResultPerId(List<Handed> handed, int ids) {
        return handed.size() == ids ? List.of() : List.of("handed on " + handed.size() + " results for " + ids + " ids");
    }

    /** Against a limit of L with concurrency L, not one 429. {@code given} says what the client was told. */
    public static List<String> noneRejected(ServerStats s, String given) {
        if (s.rejected() == 0) {
            return List.of();
        }
        return List.of(s.rejected() + " requests were rejected with 429: more than " + s.limit() + " were in flight (" + given + ")");
    }

    /** The server never had more in flight than its limit: the other side of a 429, as the server counts it. */
    public static List<String> stayedUnderTheLimit(ServerStats s) {
        // max_in_flight cannot pass the limit (the server refuses first); a client over it shows as 429s.
        return s.maxInFlight() <= s.limit() ? List.of()
                : List.of("the server had " + s.maxInFlight() + " requests in flight at once, over its limit of " + s.limit());
    }

    /** Handed on in input order. */
    public static List<String> inInputOrder(List<String> handedIds, List<String> expected) {
        return handedIds.equals(expected) ? List.of()
                : List.of("handed on " + handedIds + ": results must come back in input order " + expected);
    }

    /** The one slow id among fast ones handed on last: results handed on as they complete. */
    public static List<String> slowestLast(List<String> handedIds, String slowId, long slowMs, long fastMs) {
        int at = handedIds.indexOf(slowId);
        if (at == handedIds.size() - 1) {
            return List.of();
        }
        return List.of("handed on the slowest id (" + slowId + ", " + slowMs + " ms) at position " + (at + 1)
                + " of " + handedIds.size() + " " + handedIds + ": each result must be handed on as it completes,"
                + " not in the order of submission (the first should come after the fastest latency, " + fastMs + " ms)");
    }

    /** Under a fault rate, with retries allowed, every id ends answered. */
    public static List<String> failuresRetried(List<Handed> handed, int ids, int retries, double faultRate) {
        long notOk = handed.stream().filter(h -> !h.ok()).count() + Math.max(0, ids - handed.size());
        if (notOk == 0) {
            return List.of();
        }
        return List.of(notOk + " of " + ids + " ids ended without a 200 although " + retries + " retries were allowed"
                + " against a " + Math.round(faultRate * 100) + "% fault rate: failed ids must be tried again");
    }

    /** The server's 200s are the ids: nothing that had succeeded was asked for again. */
    public static List<String> succeededOnlyOnce(ServerStats s, int ids) {
        if (s.completed() <= ids) {
            return List.of();
        }
        return List.of("the server answered 200 to " + s.completed() + " requests for " + ids
                + " ids: ids that had already succeeded were requested again");
    }

    /** The scenario served faults at all, or it proved nothing. */
    public static List<String> faultsServed(ServerStats s, double faultRate) {
        return s.failed() > 0 ? List.of()
                : List.of("no fault was served, so the scenario proved nothing (seeded fault rate " + faultRate + ")");
    }

    /** With a per-request timeout, hanging ids end timed out and the others answered. */
    public static List<String> timedOutOnlyTheHanging(long hungReportedOk, long fineNotOk, long timeoutMs, long fineMs) {
        if (hungReportedOk == 0 && fineNotOk == 0) {
            return List.of();
        }
        return List.of("with a " + timeoutMs + " ms timeout, " + hungReportedOk + " hanging ids were reported answered and "
                + fineNotOk + " " + fineMs + " ms ids were not");
    }

    /** Requests given up on are gone from the server: they were cancelled, not merely left. */
    public static List<String> nothingLeftInFlight(int leftInFlight, String when, String what) {
        if (leftInFlight == 0) {
            return List.of();
        }
        return List.of(leftInFlight + " requests were still in flight at the server " + when + ": " + what
                + " did not cancel them");
    }
}
