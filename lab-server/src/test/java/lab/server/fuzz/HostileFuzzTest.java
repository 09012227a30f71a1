package lab.server.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.util.ResourceLeakDetector;
import io.netty.util.internal.logging.InternalLoggerFactory;
import io.netty.util.internal.logging.JdkLoggerFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.IntStream;
import lab.server.LabServer;
import lab.server.ServerConfig;
import lab.server.behavior.LatencyModel;
import lab.server.connections.ConnectionPolicy;
import lab.server.support.Await;
import lab.server.support.HttpConnection;
import org.junit.jupiter.api.Test;

/**
 * A few thousand hostile clients at once against a real server on loopback: random bytes,
 * truncated heads, huge lines, bad chunked bodies and lengths, absurd {@code delay_ms}, pipelined
 * garbage and byte-level mutations of good requests, each leaving by reading, half-closing,
 * closing or resetting. Afterwards the server must have settled: nothing in flight, no connection
 * open, {@code accepted = completed + failed + in_flight}, never more in flight than the limit,
 * and a plain request answered 200. Every answer on the way must be whole, well-formed HTTP with a
 * status the lab gives; no handler may throw, and no buffer may leak (Netty's paranoid leak
 * detector, which reports through its logger, is on for the run).
 *
 * <p>The cases come from one seed, printed in every failure; rerun one with
 * {@code ./mvnw -pl lab-server -am test -Dtest=HostileFuzzTest -Dsurefire.failIfNoSpecifiedTests=false -Dlab.fuzz.seed=S}
 * ({@code -Dlab.fuzz.cases=N} changes how many). Without a seed, each run draws a new one.
 */
class HostileFuzzTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int LIMIT = 10;
    private static final int WORKERS = 40;
    /**
     * As many as the workers: a worker's next connection often arrives before the server has seen its
     * last one close, so some are refused, and refusals are part of the mix without taking it over.
     */
    private static final int MAX_CONNECTIONS = WORKERS;
    /** How long a reading client waits for more; longer than the server's timeouts, so those are what end most waits. */
    private static final int CLIENT_READ_TIMEOUT_MS = 700;
    private static final ConnectionPolicy POLICY = ConnectionPolicy.defaults().withHeaderTimeout(Duration.ofMillis(250))
            .withIdleTimeout(Duration.ofMillis(250)).withMaxConnections(MAX_CONNECTIONS);

    @Test
    void thousandsOfHostileRequestsLeaveTheServerSettledAndAnswering() throws Exception {
        long seed = Long.getLong("lab.fuzz.seed", new SplittableRandom().nextLong());
        int cases = Integer.getInteger("lab.fuzz.cases", 3000);
        System.out.println("fuzz seed " + seed + ", " + cases + " cases");
        try {
            fuzz(seed, cases);
        } catch (AssertionError | Exception e) {
            throw new AssertionError("fuzz seed " + seed + " failed (rerun it with -Dlab.fuzz.seed=" + seed + "): " + e.getMessage(), e);
        }
    }

    private void fuzz(long seed, int cases) throws Exception {
        ResourceLeakDetector.Level leakLevel = ResourceLeakDetector.getLevel();
        ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.PARANOID);
        NettyWarnings warnings = NettyWarnings.record();
        PrintStream err = System.err;
        ErrLines errLines = new ErrLines(err);
        System.setErr(errLines);
        try (LabServer server = LabServer.start(ServerConfig.defaults().withPort(0).withLimit(LIMIT)
                .withLatency(LatencyModel.parse("uniform:0ms..5ms")).withFaultRate(0.05).withSeed(seed), POLICY)) {
            Tally tally = new Tally();
            long start = System.nanoTime();
            try (ExecutorService workers = Executors.newFixedThreadPool(WORKERS, Thread.ofVirtual().name("fuzz-", 0).factory())) {
                IntStream.range(0, cases).forEach(i -> workers.execute(() -> tally.run(FuzzCase.generate(seed, i), server.port())));
                workers.shutdown();
                assertThat(workers.awaitTermination(3, TimeUnit.MINUTES)).as("every case has run").isTrue();
            }
            long wallMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            System.out.println("fuzz seed " + seed + ": " + cases + " cases in " + wallMs + " ms; statuses " + tally.statuses()
                    + "; connections refused " + server.connections().refused());

            assertThat(tally.broken).as("answers that are not well-formed lab-server HTTP").isEmpty();
            assertSettled(server, Await.DEFAULT_BOUND);
            assertThat(tally.statuses()).as("the mix reached the parser, the items and the header timer")
                    .containsKeys(200, 400, 408);
            assertAnswersNormally(server);
            assertThat(server.ledger().snapshot().completed()).isPositive();
            checkForLeaks();
            assertThat(errLines.handlerFailures).as("lines the server printed about a handler that threw").isEmpty();
            assertThat(warnings.records).as("Netty warnings and leak reports").isEmpty();
        } finally {
            System.setErr(err);
            warnings.stop();
            ResourceLeakDetector.setLevel(leakLevel);
        }
    }

    /**
     * A plain request after it all gets its 200. The server still injects its 5 % of faults, drawn in
     * arrival order from the seed, so this one may draw a 500 or 503 (one run in twenty did): those
     * are answers too, and the request is asked again, a bounded number of times.
     */
    private static void assertAnswersNormally(LabServer server) throws IOException {
        List<Integer> statuses = new ArrayList<>();
        for (int attempt = 0; attempt < 20 && !statuses.contains(200); attempt++) {
            try (HttpConnection c = new HttpConnection(server.port())) {
                statuses.add(c.get("/api/items/after-the-fuzz").status());
            }
        }
        assertThat(statuses).as("a normal request after it all, asked again after each injected fault")
                .contains(200).allMatch(s -> s == 200 || s == 500 || s == 503);
    }

    /** In flight 0, no connection open but the one asking, the identity holding, the limit never passed. */
    static void assertSettled(LabServer server, Duration bound) throws Exception {
        Await.until("nothing is in flight (in_flight = " + server.ledger().snapshot().inFlight() + " when the wait began)", bound,
                () -> server.ledger().snapshot().inFlight() == 0);
        Await.until("every connection is closed (" + server.connections().open() + " open when the wait began)", bound,
                () -> server.connections().open() == 0);
        try (HttpConnection c = new HttpConnection(server.port())) {
            JsonNode s = JSON.readTree(c.get("/stats").body());
            long accepted = s.get("accepted").asLong();
            long completed = s.get("completed").asLong();
            long failed = s.get("failed").asLong();
            int inFlight = s.get("in_flight").asInt();
            assertThat(inFlight).as("in_flight").isZero();
            assertThat(accepted).as("accepted = completed + failed + in_flight (%d + %d + %d)", completed, failed, inFlight)
                    .isEqualTo(completed + failed + inFlight);
            assertThat(s.get("max_in_flight").asInt()).as("max_in_flight against the limit").isLessThanOrEqualTo(s.get("limit").asInt());
            assertThat(s.get("connections").asInt()).as("connections open, the one asking included").isEqualTo(1);
        }
    }

    /** The check can fail: a slot taken and never given back is caught, with the figure in the message. */
    @Test
    void theSettledCheckCatchesALeakedSlot() throws Exception {
        try (LabServer server = LabServer.start(ServerConfig.defaults().withPort(0), POLICY)) {
            server.ledger().tryAdmit(); // a deliberately wrong handler: admits and never releases
            AssertionError caught = assertThrows(AssertionError.class, () -> assertSettled(server, Duration.ofMillis(200)));
            assertThat(caught).hasMessageContaining("nothing is in flight (in_flight = 1");
        }
    }

    /**
     * A leaked buffer is reported when the leak detector next tracks an allocation after the garbage
     * collector has found the lost one, so: collect, then allocate. A leak whose collection comes
     * later still is missed by this run (never reported falsely); the next runs, with other seeds,
     * get another chance.
     */
    private static void checkForLeaks() {
        System.gc();
        for (int i = 0; i < 1000; i++) {
            io.netty.buffer.ByteBufAllocator.DEFAULT.buffer(16).release();
        }
    }

    /** What the clients saw: statuses by count, and any stream that broke the rules. */
    private static final class Tally {
        private final Map<Integer, LongAdder> statuses = new ConcurrentHashMap<>();
        final Queue<String> broken = new ConcurrentLinkedQueue<>();
        private final AtomicInteger shown = new AtomicInteger();

        Map<Integer, Long> statuses() {
            Map<Integer, Long> sorted = new TreeMap<>();
            statuses.forEach((k, v) -> sorted.put(k, v.sum()));
            return sorted;
        }

        void run(FuzzCase c, int port) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5_000);
                s.setTcpNoDelay(true);
                s.setSoTimeout(CLIENT_READ_TIMEOUT_MS);
                if (!write(s.getOutputStream(), c.writes())) {
                    read(c, s.getInputStream()); // the server gave up on us mid-write: see what it said
                    return;
                }
                switch (c.ending()) {
                    case CLOSE -> { }
                    case RESET -> s.setSoLinger(true, 0);
                    case HALF_CLOSE_AND_READ -> {
                        s.shutdownOutput();
                        read(c, s.getInputStream());
                    }
                    case READ -> read(c, s.getInputStream());
                }
            } catch (IOException e) {
                broke(c, "the client could not run: " + e);
            }
        }

        private static boolean write(OutputStream out, List<byte[]> writes) {
            try {
                for (byte[] w : writes) {
                    out.write(w);
                    out.flush();
                }
                return true;
            } catch (IOException closedByServer) {
                return false;
            }
        }

        private void read(FuzzCase c, InputStream in) {
            byte[] wire = new byte[1 << 20];
            int length = 0;
            boolean cutShortAllowed = false;
            try {
                for (int n; length < wire.length && (n = in.read(wire, length, wire.length - length)) > 0; ) {
                    length += n;
                }
            } catch (SocketTimeoutException | SocketException stoppedFirst) {
                cutShortAllowed = true; // the client's wait ran out, or the connection was reset
            } catch (IOException e) {
                broke(c, "reading: " + e);
                return;
            }
            try {
                for (int status : ResponseStream.statuses(wire, length, cutShortAllowed)) {
                    statuses.computeIfAbsent(status, k -> new LongAdder()).increment();
                }
            } catch (ResponseStream.Broken e) {
                broke(c, e.getMessage() + "; the server sent: "
                        + new String(wire, 0, Math.min(length, 300), StandardCharsets.ISO_8859_1).replace("\r\n", "\\r\\n"));
            }
        }

        private void broke(FuzzCase c, String why) {
            if (shown.incrementAndGet() <= 5) { // the first few in full; the count says the rest
                broken.add(c.describe() + " -> " + why);
            } else {
                broken.add(c.kind() + " case " + c.index());
            }
        }
    }

    /** Collects what the in-process server prints on stderr about a handler that threw (see ItemHandler). */
    private static final class ErrLines extends PrintStream {
        final Queue<String> handlerFailures = new ConcurrentLinkedQueue<>();

        ErrLines(PrintStream through) {
            super(through, true, StandardCharsets.UTF_8);
        }

        @Override
        public void println(String line) {
            if (line != null && line.startsWith("lab-server: closing a connection after")) {
                handlerFailures.add(line);
            }
            super.println(line);
        }
    }

    /**
     * Netty's own warnings (an exception that reached the pipeline's tail, a leak report) during the run.
     * lab-server has no SLF4J binding, so Netty logs through java.util.logging, under "io.netty".
     */
    private static final class NettyWarnings extends Handler {
        final Queue<String> records = new ConcurrentLinkedQueue<>();
        private final Logger netty = Logger.getLogger("io.netty");

        static NettyWarnings record() {
            assertThat(InternalLoggerFactory.getDefaultFactory()).as("Netty logs through java.util.logging, where this looks")
                    .isInstanceOf(JdkLoggerFactory.class);
            NettyWarnings h = new NettyWarnings();
            h.setLevel(Level.WARNING);
            h.netty.addHandler(h);
            return h;
        }

        void stop() {
            netty.removeHandler(this);
        }

        @Override
        public void publish(LogRecord r) {
            if (r.getLevel().intValue() >= Level.WARNING.intValue()) {
                records.add(r.getLoggerName() + ": " + r.getMessage() + (r.getThrown() == null ? "" : " " + r.getThrown()));
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }
}
