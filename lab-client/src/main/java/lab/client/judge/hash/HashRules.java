package lab.client.judge.hash;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import lab.client.hash.StoredCheck.Outcome;
import lab.client.hash.db.UsersTable.Stored;
import lab.client.judge.Ending;
import lab.client.judge.Endings;
import lab.client.judge.RuleResult;
import lab.client.judge.Transcript;

/**
 * The rules of {@code judge hash} and their messages, and the figures they are judged on. A rule
 * whose run did not finish is "not judged", and fails: a verdict never passes on what it could
 * not see.
 */
final class HashRules {

    static final String RAN = "run: ran to completion";
    static final String VERIFIED = "run: every row verifies against its own plaintext";
    static final String NO_PLAINTEXT = "run: no plaintext left";
    static final String SALTS = "run: no two rows share a salt";
    static final String CORES = "run: uses the cores";
    static final String KILLED = "crash: killed mid-run, then run again to the end";
    static final String CRASH_SAFE = "crash: crash-safe (nothing lost at the kill, none hashed twice, each from its own plaintext)";

    private final long users;
    private final int iterations;
    private final int workers;
    private final int cores;
    private final List<RuleResult> results = new ArrayList<>();
    private double wallMs = -1;
    private double firstSavedMs = -1;
    private long hashed;
    private double hashesPerS = -1;
    private OneThreadRate oneThread;
    private long verifyMs = -1;
    private HashFigures.Crash crash;

    HashRules(long users, int iterations, int workers, int cores) {
        this.users = users;
        this.iterations = iterations;
        this.workers = workers;
        this.cores = cores;
    }

    /** How much of one thread's rate a program may fall short of the bound by and still pass "uses the cores". */
    static final double SLACK_THREADS = 0.8;

    /**
     * The efficiency at which "uses the cores" passes, with k = min(workers, cores): 1 - 0.8/k, a
     * rate short of the bound by less than 0.8 of one thread's. A program one worker short misses a
     * whole thread's worth, so it fails (one thread on 2 cores reaches at most 0.5, and this
     * passes at 0.6); the 0.2 thread left over is for its start-up, its database writes and the
     * noise of a shared machine.
     */
    double passesAt() {
        int k = Math.min(workers, cores);
        return 1 - SLACK_THREADS / k;
    }

    void ran(Transcript run) {
        wallMs = run.runMs();
        results.add(new RuleResult(RAN, run.ending().clean(), Endings.describe(run)));
        if (!run.ending().clean()) {
            for (String rule : List.of(VERIFIED, NO_PLAINTEXT, SALTS, CORES, KILLED, CRASH_SAFE)) {
                results.add(RuleResult.notJudged(rule));
            }
        }
    }

    void judgeRun(Transcript run, double firstSaved, RowAudit audit, OneThreadRate rate) {
        this.firstSavedMs = firstSaved;
        this.oneThread = rate;
        this.verifyMs = audit.checkMs();
        this.hashed = audit.matching();
        this.hashesPerS = hashed * 1000.0 / Math.max(1, run.runMs());
        results.add(verified(audit));
        results.add(RuleResult.of(NO_PLAINTEXT, audit.plaintextLeft() == 0 ? List.of() : List.of(String.format(Locale.ROOT,
                        "%d of %d rows still hold their plaintext: clear it in the same transaction that writes its hash",
                        audit.plaintextLeft(), users)),
                "every row's password is NULL"));
        results.add(salts(audit));
        results.add(cores());
    }

    private RuleResult verified(RowAudit a) {
        List<String> complaints = new ArrayList<>();
        if (a.count(Outcome.MISMATCHED) > 0) {
            complaints.add(a.count(Outcome.MISMATCHED) + " rows hold a hash that is not of their own plaintext (or not a PHC string)");
        }
        if (a.count(Outcome.UNHASHED) > 0) {
            complaints.add(a.count(Outcome.UNHASHED) + " of " + users + " rows have no hash");
        }
        if (a.count(Outcome.MISSING) > 0) {
            complaints.add(a.count(Outcome.MISSING) + " of the " + users + " seeded rows are gone from the table");
        }
        if (a.wrongForm() > 0) {
            complaints.add(String.format(Locale.ROOT, "%d hashes verify but are not $pbkdf2-sha256$i=%d$ with a %d-byte salt and a %d-byte hash"
                    + " (LAB_ITERATIONS is the cost asked for), e.g. %s", a.wrongForm(), iterations, RowAudit.SALT_BYTES,
                    RowAudit.HASH_BYTES, Endings.abbreviate(a.firstWrongForm())));
        }
        return RuleResult.of(VERIFIED, complaints, String.format(Locale.ROOT,
                "all %d rows hold $pbkdf2-sha256$i=%d$salt$hash of their own plaintext (hash verify's check, %d ms on %d cores)",
                users, iterations, a.checkMs(), cores));
    }

    private RuleResult salts(RowAudit a) {
        if (a.matching() == 0) {
            return new RuleResult(SALTS, false, "not judged: no row holds a hash of its own plaintext, so there is no salt to compare");
        }
        return RuleResult.of(SALTS, a.sharedSalts() == 0 ? List.of() : List.of(a.sharedSalts()
                        + " rows reuse a salt that another row has: draw 16 fresh random bytes for every row (os.urandom(16), SecureRandom)"),
                a.matching() + " hashes, each with a salt of its own");
    }

    private RuleResult cores() {
        int k = Math.min(workers, cores);
        double bound = k * oneThread.hashesPerS();
        double efficiency = hashesPerS / bound;
        String figures = String.format(Locale.ROOT,
                "%.1f hashes/s over its %.0f ms run = %.2f of the bound %.1f = min(%d workers, %d cores) x %.1f, one thread of %s;"
                        + " passes at %.2f, short of the bound by less than %.1f of one thread's rate (%s reaches at most %.2f)",
                hashesPerS, wallMs, efficiency, bound, workers, cores, oneThread.hashesPerS(), oneThread.of(), passesAt(),
                SLACK_THREADS, k - 1 == 1 ? "one thread" : (k - 1) + " threads", (k - 1.0) / k);
        boolean passed = efficiency >= passesAt();
        return new RuleResult(CORES, passed, passed ? figures : String.format(Locale.ROOT,
                "about %.1f threads' worth of the %d it was given: %s", efficiency * k, k, figures));
    }

    /** {@code rerun}, {@code after} and {@code finalRows} are null when there was no rerun (or it did not finish). */
    void judgeCrash(Transcript killed, String history, Map<Long, Stored> atKill, Transcript rerun, RowAudit after,
                    Map<Long, Stored> finalRows) {
        long savedAtKill = atKill.values().stream().filter(r -> r.passwordHash() != null).count();
        long lostAtKill = atKill.values().stream().filter(r -> r.password() == null && r.passwordHash() == null).count();
        boolean wasKilled = killed.ending().kind() == Ending.Kind.KILLED;
        results.add(killedRule(killed, history, rerun));
        long rehashed = 0;
        if (finalRows != null) {
            Map<Long, Stored> now = finalRows;
            rehashed = atKill.entrySet().stream().filter(e -> e.getValue().passwordHash() != null)
                    .filter(e -> now.get(e.getKey()) == null || !Objects.equals(now.get(e.getKey()).passwordHash(), e.getValue().passwordHash()))
                    .count();
        }
        crash = new HashFigures.Crash(wasKilled ? round(killed.runMs()) : -1, savedAtKill, lostAtKill,
                rerun == null ? -1 : round(rerun.runMs()), rehashed, after == null ? 0 : after.matching());
        if (!wasKilled) {
            results.add(new RuleResult(CRASH_SAFE, false, "not judged: it needs a kill mid-run, and there was none (see the rule before)"));
            return;
        }
        List<String> complaints = new ArrayList<>();
        if (lostAtKill > 0) {
            complaints.add(lostAtKill + " rows had neither plaintext nor hash when it was killed: their passwords are lost"
                    + " (a plaintext must be cleared in the same transaction that saves its hash, not before)");
        }
        if (after == null) {
            complaints.add("the rerun did not finish, so what it left was not checked");
        } else {
            if (rehashed > 0) {
                complaints.add(rehashed + " of the " + savedAtKill + " rows saved before the kill were hashed again by the rerun"
                        + " (a rerun must take only the rows still in plaintext)");
            }
            if (after.count(Outcome.MISMATCHED) > 0) {
                complaints.add("after the rerun " + after.count(Outcome.MISMATCHED) + " rows hold a hash that is not of their own plaintext");
            }
            long unhashed = after.count(Outcome.UNHASHED) - after.lost();
            if (after.lost() > lostAtKill) {
                complaints.add("after the rerun " + (after.lost() - lostAtKill) + " more rows have neither plaintext nor hash: lost");
            }
            if (unhashed > 0) {
                complaints.add("after the rerun " + unhashed + " rows still have no hash");
            }
            if (after.count(Outcome.MISSING) > 0) {
                complaints.add("after the rerun " + after.count(Outcome.MISSING) + " seeded rows are gone from the table");
            }
        }
        results.add(RuleResult.of(CRASH_SAFE, complaints, String.format(Locale.ROOT,
                "nothing lost at the kill (%d rows saved, %d still in plaintext); after the rerun all %d rows verify against"
                        + " their own plaintext, and the %d hashes saved before the kill are unchanged",
                savedAtKill, users - savedAtKill, after == null ? 0 : after.matching(), savedAtKill)));
    }

    private RuleResult killedRule(Transcript killed, String history, Transcript rerun) {
        Ending e = killed.ending();
        if (e.kind() == Ending.Kind.KILLED) {
            if (rerun == null || !rerun.ending().clean()) {
                return new RuleResult(KILLED, false, "the rerun after the kill: " + (rerun == null ? "did not run" : Endings.describe(rerun)));
            }
            return new RuleResult(KILLED, true, Endings.describe(killed) + "; the rerun exited 0 after " + Math.round(rerun.runMs()) + " ms");
        }
        if (e.clean()) {
            return new RuleResult(KILLED, false, String.format(Locale.ROOT,
                    "no moment to kill it at with work saved and work left: it exited 0 after %.0f ms, and the rows saved"
                            + " that the judge saw went %s; a kill before its end would lose all the work done so far:"
                            + " save each batch as it is hashed", killed.runMs(), history));
        }
        return new RuleResult(KILLED, false, "the run to be killed: " + Endings.describe(killed));
    }

    List<RuleResult> results() {
        return List.copyOf(results);
    }

    HashFigures figures(long judgeMs) {
        int k = Math.min(workers, cores);
        double one = oneThread == null ? -1 : oneThread.hashesPerS();
        double bound = one < 0 ? -1 : k * one;
        return new HashFigures(users, iterations, workers, cores, round(wallMs), round(firstSavedMs), hashed, round(hashesPerS),
                round(one), oneThread == null ? null : oneThread.of(), round(bound),
                bound > 0 ? Math.round(1000 * hashesPerS / bound) / 1000.0 : -1, passesAt(), verifyMs, crash, judgeMs);
    }

    private static double round(double v) {
        return v < 0 ? -1 : Math.round(v * 10) / 10.0;
    }
}
