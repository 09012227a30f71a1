package lab.client.judge.cache;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import lab.server.stats.ServerStats;
import lab.client.cache.CacheRules;
import lab.client.judge.Line;
import lab.client.judge.Observation;
import lab.client.judge.ProgramRun;
import lab.client.judge.RuleResult;
import lab.client.judge.Scenario;

/**
 * The cache stampede for anyone's program: 40 callers start at once, caller i wants key
 * {@code k(i mod 4)}, each load takes 50 ms at a server with the limit of 10. Judged by the
 * server's figures in the words of {@link CacheRules} (those of {@code CacheStrategyContract}):
 * every caller its key's answer, one upstream call per key, the four keys loading at once.
 */
public final class CacheScenarios {

    static final int CALLERS = 40;
    static final int KEYS = 4;
    static final int LIMIT = 10;
    static final long LOAD_MS = 50;

    private CacheScenarios() {
    }

    public static List<Scenario> all() {
        Map<String, String> env = new HashMap<>();
        env.put("LAB_CALLERS", String.valueOf(CALLERS));
        env.put("LAB_KEYS", String.valueOf(KEYS));
        return List.of(new Scenario("stampede", CALLERS + " callers at once, " + KEYS + " keys, " + LOAD_MS
                + " ms per load, the limit of " + LIMIT, CALLERS, LIMIT, "fixed:" + LOAD_MS + "ms", 0, Map.of(), env,
                check(CALLERS), CacheScenarios::judge));
    }

    static String keyOf(int caller) {
        return "k" + (caller % KEYS);
    }

    /** Allows {@code CALLER KEY STATUS}: a caller of 0..n-1, a key of the k0 form, an HTTP status or error. */
    static ProgramRun.LineCheck check(int n) {
        String want = "want 'CALLER KEY STATUS', CALLER one of 0.." + (n - 1) + ", KEY such as k0, STATUS an HTTP status or error";
        return line -> {
            String[] p = line.strip().split("\\s+");
            boolean ok = p.length == 3 && p[0].matches("0|[1-9][0-9]{0,8}") && Integer.parseInt(p[0]) < n
                    && p[1].matches("[A-Za-z0-9_-]{1,64}") && (p[2].equals("error") || p[2].matches("[1-5][0-9][0-9]"));
            return ok ? null : want;
        };
    }

    private static List<RuleResult> judge(Observation o) {
        ServerStats s = o.stats();
        long calls = s.accepted() + s.rejected(); // a refused call is still a call the cache made
        return List.of(
                everyCallerAnswered(o),
                RuleResult.of("stampede: one upstream call per key", CacheRules.oneCallPerKey(calls, KEYS, CALLERS).stream().toList(),
                        calls + " upstream calls for " + KEYS + " keys under " + CALLERS + " callers, as the server counted them"),
                RuleResult.of("stampede: different keys load at the same time",
                        CacheRules.keysLoadInParallel(s.maxInFlight(), KEYS, LOAD_MS, s.limit()).stream().toList(),
                        s.maxInFlight() + " loads in flight at once (the server's max_in_flight), one per key"));
    }

    private static RuleResult everyCallerAnswered(Observation o) {
        List<String> complaints = new ArrayList<>();
        Map<Integer, String[]> byCaller = new HashMap<>();
        List<String> notOk = new ArrayList<>();
        for (Line line : o.lines()) {
            String[] p = line.text().strip().split("\\s+");
            int caller = Integer.parseInt(p[0]);
            if (byCaller.put(caller, p) != null && complaints.isEmpty()) {
                complaints.add("caller " + caller + " was printed more than once");
            }
            if (!p[1].equals(keyOf(caller))) {
                complaints.add("caller " + caller + " wants " + keyOf(caller) + " but was printed with " + p[1]);
            } else if (!p[2].equals("200")) {
                notOk.add(caller + " " + p[1] + " " + p[2]);
            }
        }
        if (!notOk.isEmpty()) {
            complaints.add(notOk.size() + " callers did not get their key's answer (first: " + notOk.get(0) + ")");
        }
        long printedOk = o.lines().stream().filter(l -> l.text().strip().endsWith(" 200")).count();
        if (printedOk > 0 && o.stats().completed() == 0) {
            complaints.add(printedOk + " callers were printed 200, but the server answered 200 to no request:"
                    + " a value must come from the server");
        }
        int missing = CALLERS - byCaller.size();
        if (missing > 0) {
            complaints.add(missing + " of " + CALLERS + " callers printed no line");
        }
        return RuleResult.of("stampede: every caller gets its key's answer", complaints.stream().distinct().limit(4).toList(),
                "all " + CALLERS + " callers printed their key's answer, 200");
    }
}
