package lab.server.loopback;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import lab.server.support.Await;
import lab.server.support.HttpConnection;
import lab.server.support.HttpConnection.Response;
import org.junit.jupiter.api.Test;

/** The limit seen from real sockets: exact, immediate, and invisible to a client that respects it. */
class ConcurrencyLimitTest extends LoopbackServer {

    /**
     * The accepted requests take 3 s; the rejections must all come back while they are still being
     * served. 3 s is a margin of two orders of magnitude over the few milliseconds a 429 takes.
     */
    @Test
    void aBurstOf30GetsExactly10AcceptedAnd20RejectedAtOnce() throws Exception {
        int burst = 30;
        List<HttpConnection> connections = new ArrayList<>();
        for (int i = 0; i < burst; i++) {
            connections.add(new HttpConnection(port()));
        }
        ConcurrentLinkedQueue<Integer> arrivalOrder = new ConcurrentLinkedQueue<>();
        try (ExecutorService readers = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Response>> answers = new ArrayList<>();
            for (int i = 0; i < burst; i++) {
                HttpConnection c = connections.get(i);
                c.send("GET", "/api/items/burst-" + i + "?delay_ms=3000");
                answers.add(readers.submit(() -> {
                    Response r = c.read();
                    arrivalOrder.add(r.status());
                    return r;
                }));
            }
            Await.until("20 rejections have arrived", () -> arrivalOrder.size() >= burst - LIMIT);
            assertThat(arrivalOrder).as("statuses in order of arrival").containsOnly(429);
            assertThat(stats().inFlight()).isEqualTo(LIMIT);

            List<Integer> statuses = new ArrayList<>();
            for (Future<Response> f : answers) {
                statuses.add(f.get().status());
            }
            assertThat(statuses).filteredOn(s -> s == 200).hasSize(LIMIT);
            assertThat(statuses).filteredOn(s -> s == 429).hasSize(burst - LIMIT);
        } finally {
            for (HttpConnection c : connections) {
                c.close();
            }
        }
        assertThat(List.copyOf(arrivalOrder).subList(0, burst - LIMIT)).containsOnly(429);
        assertThat(stats().accepted()).isEqualTo(LIMIT);
        assertThat(stats().rejected()).isEqualTo(burst - LIMIT);
        assertThat(stats().maxInFlight()).isEqualTo(LIMIT);
    }

    @Test
    void aRejectionCarriesRetryAfterAndAJsonReason() throws Exception {
        List<HttpConnection> holders = new ArrayList<>();
        try (HttpConnection extra = new HttpConnection(port())) {
            for (int i = 0; i < LIMIT; i++) {
                HttpConnection c = new HttpConnection(port());
                c.send("GET", "/api/items/h" + i + "?fail=hang");
                holders.add(c);
            }
            Await.until("the limit is full", () -> stats().inFlight() == LIMIT);
            Response r = extra.get("/api/items/one-too-many");
            assertThat(r.status()).isEqualTo(429);
            assertThat(Integer.parseInt(r.header("Retry-After"))).isPositive();
            assertThat(r.header("Content-Type")).isEqualTo("application/json");
            assertThat(r.body()).contains("\"error\":\"too_many_requests\"", "\"limit\":10");
        } finally {
            for (HttpConnection c : holders) {
                c.close();
            }
        }
        Await.until("the hung requests are released", () -> stats().inFlight() == 0);
        assertThat(stats().failed()).isEqualTo(LIMIT);
    }

    /**
     * Ten keep-alive clients, each sending its next request only once it has read the last response:
     * never more than ten outstanding, so never a 429, however short the service time. This is what
     * releasing the slot before the write buys; releasing after it would let a fast client race it.
     */
    @Test
    void aClosedLoopOfTenClientsNeverSeesA429() throws Exception {
        int clients = LIMIT;
        int requestsEach = 60;
        List<Integer> statuses = java.util.Collections.synchronizedList(new ArrayList<>());
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> loops = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                int client = c;
                loops.add(pool.submit(() -> {
                    try (HttpConnection conn = new HttpConnection(port())) {
                        for (int i = 0; i < requestsEach; i++) {
                            // 0 to 2 ms: the shorter the service, the tighter the race with the release
                            statuses.add(conn.get("/api/items/c" + client + "-" + i + "?delay_ms=" + (i % 3)).status());
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> loop : loops) {
                loop.get();
            }
        }
        assertThat(statuses).hasSize(clients * requestsEach).containsOnly(200);
        assertThat(stats().rejected()).isZero();
        assertThat(stats().completed()).isEqualTo(clients * requestsEach);
        assertThat(stats().maxInFlight()).isLessThanOrEqualTo(LIMIT);
    }
}
