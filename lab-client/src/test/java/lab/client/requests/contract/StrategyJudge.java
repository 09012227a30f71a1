package lab.client.requests.contract;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.IntStream;
import lab.server.stats.ServerStats;
import lab.client.requests.call.ItemClient;
import lab.client.requests.rules.Handed;
import lab.client.requests.rules.RequestRules;
import lab.client.requests.strategy.RequestStrategy;
import lab.client.requests.strategy.Result;
import lab.client.requests.strategy.Settings;
import lab.server.support.Await;
import lab.client.support.TestServer;

/**
 * Runs a strategy against a real lab-server in a scenario made to test one promise, and says what
 * it did wrong, judged by the server's figures with the shared {@link RequestRules} (the words
 * {@code lab-client judge requests} uses for anyone's program). Each method returns the complaints, empty when the
 * strategy kept the promise; the messages name the fault ("23 requests were rejected with 429:
 * more than 10 were in flight"), so a failed contract test reads as a diagnosis.
 */
public final class StrategyJudge {

    /** How long any one scenario may run before it is called stuck: far beyond what each needs. */
    private static final Duration RUN_BOUND = Duration.ofSeconds(60);
    /** How long the server may take to see a cancelled request's connection close. */
    private static final Duration SETTLE_BOUND = Duration.ofSeconds(5);

    /** Builds the strategy under judgement for one run. */
    @FunctionalInterface
    public interface Factory {
        RequestStrategy create(Settings settings);
    }

    private static final String SLOW_ID = "2";

    private final Factory factory;

    public StrategyJudge(Factory factory) {
        this.factory = factory;
    }

    /** Every id gets one result, its own, answered 200, and was sent once (plus the retries it reports). */
    public List<String> answers(int serverLimit) {
        try (TestServer server = TestServer.start(serverLimit, "uniform:1ms..20ms")) {
            Run run = run(server, ids(60), id -> "", 10, null, null, 3);
            List<String> complaints = new ArrayList<>(run.problems);
            if (complaints.isEmpty()) {
                complaints.addAll(oneCorrectResultEach(run));
                complaints.addAll(sentOnce(run, server.stats()));
            }
            return complaints;
        }
    }

    /** With concurrency 10 against a limit of 10, the server must never reject anything. */
    public List<String> limit() {
        try (TestServer server = TestServer.start(10, "uniform:2ms..15ms")) {
            Run run = run(server, ids(150), id -> "", 10, null, null, 3);
            ServerStats s = server.stats();
            List<String> complaints = new ArrayList<>(run.problems);
            complaints.addAll(RequestRules.noneRejected(s, "the strategy was given concurrency 10"));
            return complaints;
        }
    }

    /** One wave of 10 where id 2 is slow: handed on in input order, it comes second. */
    public List<String> inputOrder() {
        Run run = slowFirstWave();
        List<String> complaints = new ArrayList<>(run.problems);
        List<String> expected = ids(10);
        if (complaints.isEmpty()) {
            complaints.addAll(RequestRules.inInputOrder(run.handedIds(), expected));
        }
        return complaints;
    }

    /**
     * One wave of 10 where id 2 takes 600 ms and the rest 10 ms: handed on as completed, id 2 comes
     * last. (Id 2, not 1, so that a strategy that starts with one request in flight, as a slow start
     * does, still sends the slow one while the fast ones run.)
     */
    public List<String> asCompleted() {
        Run run = slowFirstWave();
        List<String> complaints = new ArrayList<>(run.problems);
        if (complaints.isEmpty()) {
            complaints.addAll(RequestRules.slowestLast(run.handedIds(), SLOW_ID, 600, 10));
        }
        return complaints;
    }

    /** A fault rate of 20 % and 8 retries: every id ends answered, and only the failed ones were sent again. */
    public List<String> retries() {
        try (TestServer server = TestServer.start(10, "uniform:1ms..10ms", 0.2)) {
            int n = 80;
            Run run = run(server, ids(n), id -> "", 10, null, null, 8);
            ServerStats s = server.stats();
            List<String> complaints = new ArrayList<>(run.problems);
            complaints.addAll(RequestRules.failuresRetried(handed(run.results), n, 8, 0.2));
            complaints.addAll(RequestRules.succeededOnlyOnce(s, n));
            if (s.accepted() != n + run.retried()) {
                complaints.add("the strategy reports " + run.retried() + " retries, but the server accepted "
                        + s.accepted() + " requests for " + n + " ids (expected " + (n + run.retried()) + ")");
            }
            complaints.addAll(RequestRules.faultsServed(s, 0.2));
            return complaints;
        }
    }

    /**
     * Five ids hang for ever and the per-request timeout is 300 ms; then thirty hang under a 1 s
     * deadline. Either way the run must return, and the server must see every request go.
     */
    public List<String> cancels() {
        List<String> complaints = new ArrayList<>();
        try (TestServer server = TestServer.start(10, "fixed:10ms")) {
            Run run = run(server, ids(20), id -> Integer.parseInt(id) <= 5 ? "fail=hang" : "", 10,
                    Duration.ofMillis(300), null, 0);
            complaints.addAll(run.problems);
            long hungOk = run.results.stream().filter(r -> Integer.parseInt(r.id()) <= 5 && r.ok()).count();
            long fineFailed = run.results.stream().filter(r -> Integer.parseInt(r.id()) > 5 && !r.ok()).count();
            complaints.addAll(RequestRules.timedOutOnlyTheHanging(hungOk, fineFailed, 300, 10));
            complaints.addAll(nothingLeftInFlight(run, "the timeout"));
        }
        try (TestServer server = TestServer.start(10, "fixed:10ms")) {
            Run run = run(server, ids(30), id -> "fail=hang", 10, null, Duration.ofSeconds(1), 0);
            complaints.addAll(run.problems);
            complaints.addAll(nothingLeftInFlight(run, "the deadline"));
            long started = server.stats().accepted();
            if (started > 10) {
                complaints.add("the server accepted " + started + " hanging requests under a limit of 10 and a deadline:"
                        + " requests were started after the deadline passed");
            }
        }
        return complaints;
    }

    /** The server's limit is 7 and the strategy is told only a cap of 50: it must reach 7 with few 429s. */
    public List<String> findsLimit() {
        try (TestServer server = TestServer.start(7, "uniform:5ms..25ms")) {
            int n = 400;
            Run run = run(server, ids(n), id -> "", 50, null, null, 3);
            ServerStats s = server.stats();
            List<String> complaints = new ArrayList<>(run.problems);
            long notOk = run.results.stream().filter(r -> !r.ok()).count();
            if (notOk > 0) {
                complaints.add(notOk + " of " + n + " ids ended without a 200: a 429 must be sent again, not given up");
            }
            if (s.rejected() > n * 5 / 100) {
                complaints.add(s.rejected() + " requests (" + (100 * s.rejected() / n) + "% of " + n + ") were rejected"
                        + " with 429: once it has found the limit, an adaptive client keeps 429s under 5%");
            }
            if (s.maxInFlight() < s.limit()) {
                complaints.add("never reached the server's limit of " + s.limit() + ": at most " + s.maxInFlight()
                        + " were in flight");
            }
            return complaints;
        }
    }

    private Run slowFirstWave() {
        try (TestServer server = TestServer.start(10, "fixed:10ms")) {
            return run(server, ids(10), id -> id.equals(SLOW_ID) ? "delay_ms=600" : "delay_ms=10", 10, null, null, 0);
        }
    }

    private static List<String> oneCorrectResultEach(Run run) {
        List<String> complaints = new ArrayList<>();
        List<String> returned = run.results.stream().map(Result::id).toList();
        if (!returned.equals(run.ids)) {
            complaints.add("returned results for " + summary(returned) + ": one result per id, in input order, was expected for "
                    + summary(run.ids));
        }
        complaints.addAll(RequestRules.allAnswered(handed(run.results)));
        run.results.stream().filter(r -> r.ok() && !r.id().equals(r.echoedId())).findFirst().ifPresent(r ->
                complaints.add("the result for id " + r.id() + " carries the server's answer for id " + r.echoedId()
                        + ": results were paired with the wrong ids"));
        complaints.addAll(RequestRules.eachHandedOnce(handed(run.handed)));
        complaints.addAll(RequestRules.oneResultPerId(handed(run.handed), run.ids.size()));
        return complaints;
    }

    private static List<String> sentOnce(Run run, ServerStats s) {
        long expected = run.ids.size() + run.retried();
        if (s.accepted() + s.rejected() != expected) {
            return List.of("the server saw " + (s.accepted() + s.rejected()) + " requests for " + run.ids.size()
                    + " ids and " + run.retried() + " reported retries: ids were sent more times than reported");
        }
        return List.of();
    }

    private static List<String> nothingLeftInFlight(Run run, String what) {
        return RequestRules.nothingLeftInFlight(run.leftInFlight, SETTLE_BOUND.toSeconds() + " s after the run returned", what);
    }

    /** The results in the shared rules' terms. */
    private static List<Handed> handed(List<Result> results) {
        return results.stream().map(r -> new Handed(r.id(), String.valueOf(r.status()), r.error())).toList();
    }

    private Run run(TestServer server, List<String> ids, Function<String, String> query, int concurrency,
                    Duration timeout, Duration deadline, int retries) {
        server.api().resetStats();
        Run run = new Run(ids);
        try (ItemClient client = new ItemClient(server.base(), query)) {
            RequestStrategy strategy = factory.create(new Settings(client, concurrency, timeout, deadline, retries));
            AtomicReference<Throwable> failure = new AtomicReference<>();
            Thread runner = Thread.ofVirtual().start(() -> {
                try {
                    run.results.addAll(strategy.run(ids, run.handed::add));
                } catch (Throwable e) {
                    failure.set(e);
                }
            });
            if (!runner.join(RUN_BOUND.plus(deadline == null ? Duration.ZERO : deadline))) {
                runner.interrupt();
                run.problems.add("the run had not returned " + RUN_BOUND.toSeconds() + " s after it started"
                        + (deadline == null ? "" : " (its deadline was " + deadline.toMillis() + " ms)"));
            } else if (failure.get() != null) {
                run.problems.add("the run threw " + failure.get());
            }
            // Judged before the client is closed: closing it would abort what the strategy left behind.
            Await.until(SETTLE_BOUND, () -> server.stats().inFlight() == 0);
            run.leftInFlight = server.stats().inFlight();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            run.problems.add("interrupted");
        }
        return run;
    }

    private static List<String> ids(int n) {
        return IntStream.rangeClosed(1, n).mapToObj(Integer::toString).toList();
    }

    private static String summary(List<String> ids) {
        return ids.size() <= 12 ? ids.toString() : ids.size() + " ids " + ids.subList(0, 6) + "...";
    }

    /** What one run left: the results returned, the ones handed on (in order), and what went wrong on the way. */
    private static final class Run {
        final List<String> ids;
        final List<Result> results = new CopyOnWriteArrayList<>();
        final List<Result> handed = new CopyOnWriteArrayList<>();
        final List<String> problems = new ArrayList<>();
        int leftInFlight;

        Run(List<String> ids) {
            this.ids = ids;
        }

        List<String> handedIds() {
            return handed.stream().map(Result::id).toList();
        }

        long retried() {
            return results.stream().mapToLong(r -> Math.max(0, r.attempts() - 1)).sum();
        }
    }
}
