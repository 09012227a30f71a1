package lab.client.judge.requests;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import lab.server.stats.ServerStats;
import lab.client.judge.Line;
import lab.client.judge.Observation;
import lab.client.judge.RuleResult;
import lab.client.judge.Scenario;
import lab.client.requests.rules.Handed;
import lab.client.requests.rules.RequestRules;

/**
 * The scenarios of each step of the requests task and the rules each is judged by, in the words of
 * {@link RequestRules} (those of {@code RequestStrategyContract}) where the contract has the rule.
 * Small on purpose: tens of ids, tens of milliseconds, so a whole step runs in seconds.
 *
 * <table>
 * <caption>scenarios</caption>
 * <tr><th>scenario</th><th>step</th><th>server</th><th>asks</th></tr>
 * <tr><td>parallel</td><td>gather</td><td>30 ids, room for 30, 20..60 ms</td><td>every id 200 once, in about the slowest latency</td></tr>
 * <tr><td>isolation</td><td>all</td><td>20 ids, 20 ms; 3 and 7 fail 500, 11 is reset</td><td>the other 17 still answered 200</td></tr>
 * <tr><td>limit</td><td>semaphore</td><td>100 ids, limit 10, 20..40 ms</td><td>no 429, efficiency at least 0.8</td></tr>
 * <tr><td>slow-last</td><td>as-completed</td><td>10 ids, 10 ms; 2 takes 600 ms</td><td>2 printed last, the first line early</td></tr>
 * <tr><td>faults</td><td>retry</td><td>50 ids, 5..20 ms, 20% faults, 8 retries</td><td>every id 200, 50 answered 200 by the server</td></tr>
 * <tr><td>hang</td><td>timeout</td><td>30 ids, 20 ms; 1..20 hang; 200 ms timeout</td><td>1..20 timeout, no 429, nothing left in flight</td></tr>
 * </table>
 */
public final class RequestScenarios {

    static final int LIMIT = 10;
    /** Efficiency a limited run must reach: what the seed's Semaphore answer reaches here with room to spare. */
    static final double MIN_EFFICIENCY = 0.8;
    /** Retries allowed wherever they are (retry and timeout steps), but in the hang scenario. */
    static final int RETRIES = 8;
    /** The timeout step's timeout where nothing should time out: well above every latency there. */
    static final long GENEROUS_TIMEOUT_MS = 2_000;
    static final long HANG_TIMEOUT_MS = 200;

    private RequestScenarios() {
    }

    /** Every scenario of {@code step}, the steps before it first, the step's own last. */
    public static List<Scenario> of(RequestStep step) {
        List<Scenario> scenarios = new ArrayList<>();
        if (step == RequestStep.GATHER) {
            scenarios.add(parallel());
        }
        scenarios.add(isolation(step));
        if (step.atLeast(RequestStep.SEMAPHORE)) {
            scenarios.add(limit(step));
        }
        if (step.atLeast(RequestStep.AS_COMPLETED)) {
            scenarios.add(slowLast(step));
        }
        if (step.atLeast(RequestStep.RETRY)) {
            scenarios.add(faults(step));
        }
        if (step.atLeast(RequestStep.TIMEOUT)) {
            scenarios.add(hang());
        }
        return scenarios;
    }

    /** Room for all: the ids run together, so the batch takes about its slowest latency. */
    static Scenario parallel() {
        int n = 30;
        return scenario("parallel", "30 ids against a server with room for all 30, 20..60 ms each", n, n,
                "uniform:20ms..60ms", 0, Map.of(), env(RequestStep.GATHER, n, n), o -> List.of(
                        everyIdOnce(o, n),
                        inParallel(o, n)));
    }

    /** A few ids fail, every time: the others must still be answered. */
    static Scenario isolation(RequestStep step) {
        int n = 20;
        int limit = step == RequestStep.GATHER ? n : LIMIT;
        Map<String, String> script = new TreeMap<>(Map.of("3", "fail:500", "7", "fail:500", "11", "fail:reset"));
        return scenario("isolation", "20 ids, 20 ms each; ids 3 and 7 always fail with 500 and 11 with a reset", n, limit,
                "fixed:20ms", 0, script, env(step, n, limit), o -> List.of(oneFailureLosesNothing(o, n, script.keySet())));
    }

    static Scenario limit(RequestStep step) {
        int n = 100;
        return scenario("limit", "100 ids against the limit of 10, 20..40 ms each", n, LIMIT, "uniform:20ms..40ms", 0,
                Map.of(), env(step, n, LIMIT), o -> List.of(
                        everyIdOnce(o, n),
                        noneRejected(o, "limit", "the program was given LAB_CONCURRENCY=" + LIMIT),
                        efficient(o)));
    }

    static Scenario slowLast(RequestStep step) {
        int n = 10;
        return scenario("slow-last", "10 ids, 10 ms each but id 2, which takes 600 ms", n, LIMIT, "fixed:10ms", 0,
                Map.of("2", "delay:600ms"), env(step, n, LIMIT), o -> List.of(
                        everyIdOnce(o, n),
                        RuleResult.of("slow-last: each result printed as it arrives",
                                RequestRules.slowestLast(ids(o), "2", 600, 10),
                                "id 2 (600 ms) came last, after the nine 10 ms ids"),
                        firstLineEarly(o)));
    }

    static Scenario faults(RequestStep step) {
        int n = 50;
        double rate = 0.2;
        return scenario("faults", "50 ids, 5..20 ms each, 20% of requests fail with 500 or 503; " + RETRIES + " retries allowed",
                n, LIMIT, "uniform:5ms..20ms", rate, Map.of(), env(step, n, LIMIT), o -> {
                    List<Handed> handed = RequestLines.handed(o.lines());
                    List<String> ended = new ArrayList<>(RequestRules.failuresRetried(handed, n, RETRIES, rate));
                    ended.addAll(RequestRules.eachHandedOnce(handed));
                    ServerStats s = o.stats();
                    List<String> once = new ArrayList<>(RequestRules.succeededOnlyOnce(s, n));
                    once.addAll(RequestRules.faultsServed(s, rate));
                    return List.of(
                            RuleResult.of("faults: every id ends 200", ended, "all " + n + " ids ended 200"),
                            RuleResult.of("faults: only what failed is sent again", once, "the server answered 200 to "
                                    + s.completed() + " requests for " + n + " ids; it served " + s.failed()
                                    + " faults and got " + (s.accepted() + s.rejected() - n) + " requests more than the ids"),
                            noneRejected(o, "faults", "the program was given LAB_CONCURRENCY=" + LIMIT));
                });
    }

    /**
     * Ids 1..20 hang for ever, twice as many as the limit. Whatever order a program sends its ids
     * in, once the first hanging requests time out it still has requests to send while the others
     * hold the remaining slots: if the given-up requests were really cancelled (their connections
     * closed) the server has room for the next ones; if they were merely stopped waiting for, they
     * still hold their slots and the next requests are refused with 429.
     */
    static Scenario hang() {
        int n = 30;
        int hanging = 20;
        Map<String, String> script = new TreeMap<>();
        IntStream.rangeClosed(1, hanging).forEach(i -> script.put(String.valueOf(i), "fail:hang"));
        Map<String, String> env = env(RequestStep.TIMEOUT, n, LIMIT);
        env.put("LAB_TIMEOUT_MS", String.valueOf(HANG_TIMEOUT_MS));
        env.put("LAB_RETRIES", "0");
        return scenario("hang", "30 ids, 20 ms each, but ids 1.." + hanging + " hang for ever; timeout " + HANG_TIMEOUT_MS
                        + " ms, no retries", n, LIMIT, "fixed:20ms", 0, script, env, o -> List.of(
                        timesOutTheHanging(o, n, script.keySet()),
                        noneRejected(o, "hang", "the program was given LAB_CONCURRENCY=" + LIMIT
                                + "; requests it had given up on still held their slots at the server"),
                        cancelled(o)));
    }

    private static RuleResult everyIdOnce(Observation o, int n) {
        List<Handed> handed = RequestLines.handed(o.lines());
        List<String> complaints = new ArrayList<>(RequestRules.eachHandedOnce(handed));
        complaints.addAll(RequestRules.oneResultPerId(handed, n));
        complaints.addAll(RequestRules.allAnswered(handed));
        complaints.addAll(backedByTheServer(o, handed));
        return RuleResult.of(o.scenario().name() + ": every id answered 200 once", complaints,
                n + " ids, one line each, every one 200");
    }

    private static RuleResult inParallel(Observation o, int n) {
        ServerStats s = o.stats();
        double wall = o.wallMs();
        double sum = s.serviceMsSum();
        double slowest = s.serviceMsMax();
        String rule = "parallel: in about the slowest latency, not their sum";
        if (wall < 0) {
            return new RuleResult(rule, false, "nothing to time: no request reached the server, or no line came");
        }
        String figures = String.format(Locale.ROOT, "%d ids in %.0f ms; the slowest alone took %.0f ms, all of them one after the other %.0f ms",
                n, wall, slowest, sum);
        return wall <= (sum + slowest) / 2 ? new RuleResult(rule, true, figures)
                : new RuleResult(rule, false, figures + ": closer to the sum than to the slowest, the requests did not run in parallel");
    }

    private static RuleResult oneFailureLosesNothing(Observation o, int n, Set<String> failing) {
        List<Handed> handed = RequestLines.handed(o.lines());
        List<String> complaints = new ArrayList<>(RequestRules.eachHandedOnce(handed));
        Set<String> printed = handed.stream().map(Handed::id).collect(Collectors.toSet());
        List<String> missing = IntStream.rangeClosed(1, n).mapToObj(String::valueOf).filter(id -> !printed.contains(id)).toList();
        if (!missing.isEmpty()) {
            complaints.add("no line for ids " + missing + ": one failure must not lose the other results");
        }
        complaints.addAll(RequestRules.allAnswered(handed.stream().filter(h -> !failing.contains(h.id())).toList()));
        handed.stream().filter(h -> failing.contains(h.id()) && h.ok()).findFirst().ifPresent(h -> complaints.add(
                "id " + h.id() + " was printed 200, but the server answered it only with faults"));
        complaints.addAll(backedByTheServer(o, handed));
        String failed = handed.stream().filter(h -> failing.contains(h.id())).map(h -> h.id() + " " + h.status())
                .collect(Collectors.joining(", "));
        return RuleResult.of("isolation: one failure loses nothing else", complaints,
                (n - failing.size()) + " other ids answered 200; the failing ones printed " + failed);
    }

    /** The program's word checked against the server's: no more ids printed 200 than the server answered 200. */
    private static List<String> backedByTheServer(Observation o, List<Handed> handed) {
        long printedOk = handed.stream().filter(Handed::ok).count();
        long served = o.stats().completed();
        return printedOk <= served ? List.of() : List.of(printedOk + " ids were printed 200, but the server answered 200 to "
                + served + " requests: a result must come from the server");
    }

    private static RuleResult noneRejected(Observation o, String scenario, String given) {
        ServerStats s = o.stats();
        List<String> complaints = new ArrayList<>(RequestRules.noneRejected(s, given));
        complaints.addAll(RequestRules.stayedUnderTheLimit(s));
        return RuleResult.of(scenario + ": no 429, never over the limit", complaints,
                "0 rejected; at most " + s.maxInFlight() + " in flight against the limit of " + s.limit());
    }

    private static RuleResult efficient(Observation o) {
        ServerStats s = o.stats();
        double wall = o.wallMs();
        String rule = "limit: efficiency at least " + MIN_EFFICIENCY + " of the bound";
        if (wall <= 0) {
            return new RuleResult(rule, false, "nothing to time: no request reached the server, or no line came");
        }
        double efficiency = s.boundMs() / wall;
        String figures = String.format(Locale.ROOT, "wall %.0f ms against the bound of %.0f ms (max(sum of latencies / %d,"
                + " slowest), from the server's figures): efficiency %.2f", wall, s.boundMs(), s.limit(), efficiency);
        return efficiency >= MIN_EFFICIENCY ? new RuleResult(rule, true, figures)
                : new RuleResult(rule, false, figures + ", under " + MIN_EFFICIENCY + ": slots stood idle between requests");
    }

    private static RuleResult firstLineEarly(Observation o) {
        double first = o.firstLineMs();
        String rule = "slow-last: the first line at about the fastest latency";
        if (first < 0) {
            return new RuleResult(rule, false, "nothing to time: no request reached the server, or no line came");
        }
        // Halfway to the slow id: any program that prints as results come is far below, one that waits for the batch above.
        String when = String.format(Locale.ROOT, "the first line came %.0f ms after the first request reached the server", first);
        return first <= 300 ? new RuleResult(rule, true, when + " (fastest latency 10 ms; the slow id takes 600 ms)")
                : new RuleResult(rule, false, when + ", after the slow id (600 ms), not at about the fastest latency (10 ms):"
                + " results must be printed, and flushed, as they arrive");
    }

    private static RuleResult timesOutTheHanging(Observation o, int n, Set<String> hanging) {
        List<Handed> handed = RequestLines.handed(o.lines());
        long hungOk = handed.stream().filter(h -> hanging.contains(h.id()) && h.ok()).count();
        long fineNotOk = handed.stream().filter(h -> !hanging.contains(h.id()) && !h.ok()).count();
        List<String> complaints = new ArrayList<>(RequestRules.timedOutOnlyTheHanging(hungOk, fineNotOk, HANG_TIMEOUT_MS, 20));
        List<String> notTimeout = handed.stream().filter(h -> hanging.contains(h.id()) && !h.ok() && !h.status().equals("timeout"))
                .map(h -> h.id() + " " + h.status()).toList();
        if (!notTimeout.isEmpty()) {
            complaints.add("hanging ids were printed " + notTimeout + ", not timeout");
        }
        complaints.addAll(RequestRules.eachHandedOnce(handed));
        complaints.addAll(RequestRules.oneResultPerId(handed, n));
        double lastTimeout = o.lines().stream().filter(l -> l.text().strip().endsWith(" timeout"))
                .mapToDouble(l -> o.sinceFirstRequestMs(l.atNanos())).max().orElse(-1);
        return RuleResult.of("hang: hanging ids time out, the others answer", complaints, String.format(Locale.ROOT,
                "ids 1..%d printed timeout (the last %.0f ms after the first request; LAB_TIMEOUT_MS=%d), the other %d answered 200",
                hanging.size(), lastTimeout, HANG_TIMEOUT_MS, n - hanging.size()));
    }

    /**
     * Judged at the last line, when that line is an answer printed after every timeout: by then a
     * program that cancelled has nothing in flight at all, and one that only stopped waiting still
     * has its given-up requests there (it exits right after, which closes them, so later is too late
     * to see it).
     */
    private static RuleResult cancelled(Observation o) {
        String rule = "hang: given-up requests cancelled, their slots free while it runs";
        List<Line> lines = o.lines();
        int lastTimeout = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).text().strip().endsWith(" timeout")) {
                lastTimeout = i;
            }
        }
        Line last = lines.isEmpty() ? null : lines.get(lines.size() - 1);
        if (last == null || lastTimeout < 0 || lastTimeout == lines.size() - 1) {
            return new RuleResult(rule, true, "not provable in this run: no answer was printed after the timeouts");
        }
        List<String> complaints = RequestRules.nothingLeftInFlight(last.inFlight(),
                "when the program printed its last line, after its timeouts", "the timeout");
        return RuleResult.of(rule, complaints, "nothing was in flight at the server when the program printed its last line,"
                + " " + (lines.size() - 1 - lastTimeout) + " lines after its last timeout");
    }

    private static List<String> ids(Observation o) {
        return RequestLines.handed(o.lines()).stream().map(Handed::id).toList();
    }

    private static Map<String, String> env(RequestStep step, int n, int concurrency) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("LAB_REQUESTS", String.valueOf(n));
        env.put("LAB_CONCURRENCY", String.valueOf(concurrency));
        if (step.atLeast(RequestStep.RETRY)) {
            env.put("LAB_RETRIES", String.valueOf(RETRIES));
        }
        if (step.atLeast(RequestStep.TIMEOUT)) {
            env.put("LAB_TIMEOUT_MS", String.valueOf(GENEROUS_TIMEOUT_MS));
        }
        return env;
    }

    private static Scenario scenario(String name, String what, int n, int limit, String latency, double faultRate,
                                     Map<String, String> script, Map<String, String> env, Scenario.Judgement judgement) {
        return new Scenario(name, what, n, limit, latency, faultRate, script, env, RequestLines.check(n), judgement);
    }
}
