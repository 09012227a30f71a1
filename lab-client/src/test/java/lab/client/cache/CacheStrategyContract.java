package lab.client.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import lab.client.api.LabApi;
import lab.server.stats.ServerStats;
import lab.server.support.Await;
import lab.server.LabServer;
import lab.server.ServerConfig;
import lab.server.behavior.LatencyModel;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every cache strategy must do, judged by a real lab-server's own figures (in the words of
 * {@link CacheRules}, which {@code lab-client judge cache} shares): its {@code accepted}
 * count is the number of upstream calls, its {@code max_in_flight} says whether loads overlapped, its
 * {@code failed} count whether a load was abandoned. A strategy's test is one small subclass that
 * says how to build it; a strategy that breaks a rule fails with a message saying what it did.
 *
 * <p>Loads go through a {@link GatedUpstream}: a call reaches the server at once, but its answer
 * is held until the test opens the gate, so "every caller asked before any load finished" is
 * arranged, not hoped for. Keys named {@code fail-*} are loaded from {@code ?fail=500} while
 * {@link #failing} is set, keys named {@code slow-*} from {@code ?delay_ms=600}.
 */
public abstract class CacheStrategyContract {

    static final int CALLERS_PER_KEY = 20;
    static final int KEYS = 3;
    static final Duration TTL = Duration.ofSeconds(10);

    private static LabServer server;
    private static LabApi api;

    private ExecutorService loads;
    private final AtomicBoolean failing = new AtomicBoolean(true);
    private final AtomicLong nanos = new AtomicLong();
    private GatedUpstream upstream;
    private CacheStrategy cache;

    /** Builds the strategy under test from what the contract gives it. */
    protected abstract CacheStrategy create(CacheConfig config);

    @BeforeAll
    static void startServer() throws Exception {
        server = LabServer.start(ServerConfig.defaults().withPort(0).withLatency(LatencyModel.parse("fixed:20ms")));
        api = LabApi.connect(server.baseUrl());
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @BeforeEach
    void build() {
        loads = Executors.newVirtualThreadPerTaskExecutor();
        int limit = api.stats().limit();
        upstream = new GatedUpstream(new BoundedHttpUpstream(this::address, limit));
        cache = create(new CacheConfig(upstream, loads, nanos::get, TTL));
        api.resetStats();
    }

    @AfterEach
    void release() {
        upstream.open();
        loads.shutdownNow();
    }

    private URI address(String key) {
        String query = key.startsWith("fail-") && failing.get() ? "?fail=500"
                : key.startsWith("slow-") ? "?delay_ms=600" : "";
        return URI.create(api.item(key) + query);
    }

    @Test
    void makesOneUpstreamCallPerKeyUnderConcurrentCallers() throws Exception {
        List<String> keys = List.of("hot-0", "hot-1", "hot-2");
        List<Asked> asked = stampede(keys, CALLERS_PER_KEY);

        for (Asked a : asked) {
            assertThat(a.future().get(20, TimeUnit.SECONDS)).as("value %s got", a.key()).contains("\"id\":\"" + a.key() + "\"");
        }
        CacheRules.oneCallPerKey(api.stats().accepted(), keys.size(), asked.size()).ifPresent(Assertions::fail);
    }

    @Test
    void loadsDifferentKeysInParallel() throws Exception {
        List<CompletableFuture<String>> futures = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            futures.add(cache.get("slow-" + i));
        }
        for (CompletableFuture<String> f : futures) {
            f.get(30, TimeUnit.SECONDS);
        }
        ServerStats stats = api.stats();
        assertThat(stats.accepted()).as("upstream calls for 5 keys, one caller each").isEqualTo(5);
        CacheRules.keysLoadInParallel(stats.maxInFlight(), 5, 600, stats.limit()).ifPresent(Assertions::fail);
    }

    @Test
    void failedLoadIsSharedByItsWaitersNotCachedAndRetriedByTheNextCaller() throws Exception {
        List<Asked> asked = stampede(List.of("fail-0"), 10);
        int gotTheError = 0;
        for (Asked a : asked) {
            try {
                a.future().get(20, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                assertThat(e.getCause()).as("what a waiter of a failed load gets").isInstanceOf(UpstreamException.class);
                gotTheError++;
            }
        }
        assertThat(gotTheError).as("waiters of the failed load that got its error").isEqualTo(asked.size());
        CacheRules.failedLoadShared(api.stats().accepted(), asked.size()).ifPresent(Assertions::fail);

        CompletableFuture<String> again = cache.get("fail-0");
        assertThat(again).as("the next caller after a failure").failsWithin(Duration.ofSeconds(20));
        assertThat(api.stats().accepted()).as("upstream calls after the next caller: a failure must not be cached").isEqualTo(2);

        failing.set(false);
        assertThat(cache.get("fail-0").get(20, TimeUnit.SECONDS)).contains("\"id\":\"fail-0\"");
        assertThat(api.stats().accepted()).as("upstream calls once the upstream recovered").isEqualTo(3);
    }

    @Test
    void callerThatGivesUpDoesNotCancelTheLoadForTheOthers() throws Exception {
        upstream.shut();
        CompletableFuture<String> cancelled = cache.get("shared");
        Await.require("the first load reached the server", () -> api.stats().accepted() >= 1);
        CompletableFuture<String> timedOut = cache.get("shared");
        List<CompletableFuture<String>> patient = List.of(cache.get("shared"), cache.get("shared"));

        try {
            timedOut.get(1, TimeUnit.MILLISECONDS);
            fail("a load held behind a shut gate answered");
        } catch (TimeoutException expected) {
            // this caller stops waiting; the load goes on
        }
        cancelled.cancel(true);
        upstream.open();

        int gaveUpOnThem = 0;
        for (CompletableFuture<String> f : patient) {
            try {
                assertThat(f.get(20, TimeUnit.SECONDS)).contains("\"id\":\"shared\"");
            } catch (CancellationException | ExecutionException e) {
                gaveUpOnThem++;
            }
        }
        CacheRules.giveUpCancelsNothing(gaveUpOnThem, patient.size()).ifPresent(Assertions::fail);
        assertThat(cache.get("shared").get(20, TimeUnit.SECONDS)).as("a caller after it all").contains("\"id\":\"shared\"");
        // The loads of the callers that gave up may still be on their way (naive gave each its own).
        Await.require("no load is in flight at the server", () -> api.stats().inFlight() == 0);
        ServerStats stats = api.stats();
        assertThat(stats.failed()).as("loads abandoned at the server (a caller's give-up reached the load)").isZero();
        assertThat(stats.completed()).as("loads that ran to completion").isEqualTo(stats.accepted());
    }

    @Test
    void expiredHotKeyIsReloadedOnceNotStampeded() throws Exception {
        assertThat(cache.get("ttl").get(20, TimeUnit.SECONDS)).contains("\"id\":\"ttl\"");
        assertThat(api.stats().accepted()).as("upstream calls of the first load").isEqualTo(1);

        nanos.addAndGet(TTL.toNanos() - 1);
        for (Asked a : stampede(List.of("ttl"), CALLERS_PER_KEY)) {
            a.future().get(20, TimeUnit.SECONDS);
        }
        assertThat(api.stats().accepted()).as("upstream calls while the entry is fresh (1 ns before its ttl)").isEqualTo(1);

        nanos.addAndGet(1);
        List<Asked> asked = stampede(List.of("ttl"), CALLERS_PER_KEY);
        for (Asked a : asked) {
            assertThat(a.future().get(20, TimeUnit.SECONDS)).contains("\"id\":\"ttl\"");
        }
        CacheRules.reloadedOnce(api.stats().accepted() - 1, asked.size()).ifPresent(Assertions::fail);
    }

    /** One caller's question: the key and the future it got. */
    record Asked(String key, CompletableFuture<String> future) {
    }

    /**
     * {@code perKey} callers of each key ask at the same moment, each from a thread of its own, while
     * the gate is shut; the gate opens once every caller has its future, so all of them asked before
     * any load could answer. Returns the futures to judge.
     */
    private List<Asked> stampede(List<String> keys, int perKey) throws InterruptedException {
        upstream.shut();
        int callers = keys.size() * perKey;
        CountDownLatch start = new CountDownLatch(1);
        CountDownLatch asked = new CountDownLatch(callers);
        List<Asked> all = java.util.Collections.synchronizedList(new ArrayList<>());
        for (int i = 0; i < callers; i++) {
            String key = keys.get(i % keys.size());
            Thread.ofVirtual().start(() -> {
                try {
                    start.await();
                    all.add(new Asked(key, cache.get(key)));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    asked.countDown();
                }
            });
        }
        start.countDown();
        assertThat(asked.await(20, TimeUnit.SECONDS)).as("every caller asked").isTrue();
        upstream.open();
        return List.copyOf(all);
    }
}
