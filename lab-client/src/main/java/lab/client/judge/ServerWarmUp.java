package lab.client.judge;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import lab.client.api.LabApi;
import lab.server.LabServer;
import lab.server.ServerConfig;
import lab.server.behavior.LatencyModel;

/**
 * Takes every path of the in-process lab-server once before the first scenario of this JVM: 200s,
 * injected 500s and 503s, resets, hangs given up on, 429s, {@code /stats}. A judge times a program
 * in tens of milliseconds, and a path's first use in a fresh JVM costs about that much (class
 * loading, the first JSON serialisation of a response type: measured here, the first 500 of a
 * fresh judge held its event loop for about 120 ms), which would be charged to the program.
 * Later servers of the same JVM share the loaded, compiled code.
 */
final class ServerWarmUp {

    private static final AtomicBoolean DONE = new AtomicBoolean();

    private ServerWarmUp() {
    }

    static void once() throws InterruptedException {
        if (!DONE.compareAndSet(false, true)) {
            return;
        }
        ServerConfig config = ServerConfig.defaults().withPort(0).withLimit(2).withLatency(LatencyModel.parse("fixed:0ms")).withIoThreads(1);
        try (LabServer server = LabServer.start(config);
             HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
            String base = server.baseUrl() + "/api/items/warm-up";
            for (int i = 0; i < 200; i++) {
                get(http, base);
            }
            for (int i = 0; i < 20; i++) {
                get(http, base + "?fail=500");
                get(http, base + "?fail=503");
                get(http, base + "?fail=reset");
            }
            for (int round = 0; round < 10; round++) {
                List<CompletableFuture<HttpResponse<Void>>> hung = new ArrayList<>();
                for (int i = 0; i < config.limit(); i++) {
                    hung.add(http.sendAsync(HttpRequest.newBuilder(URI.create(base + "?fail=hang"))
                            .timeout(Duration.ofMillis(20)).build(), HttpResponse.BodyHandlers.discarding()));
                }
                while (server.ledger().inFlight() < config.limit() && hung.stream().noneMatch(CompletableFuture::isDone)) {
                    Thread.onSpinWait();
                }
                get(http, base); // a 429 while the hangs hold every slot
                hung.forEach(f -> f.handle((r, e) -> null).join()); // each given up after its timeout: a close, a release
            }
            LabApi.connect(server.baseUrl()).stats();
        } catch (java.net.BindException e) {
            // no warm-up, then: the judge still works, its first scenario is only slower
        }
    }

    private static void get(HttpClient http, String uri) throws InterruptedException {
        try {
            http.send(HttpRequest.newBuilder(URI.create(uri)).build(), HttpResponse.BodyHandlers.discarding());
        } catch (IOException expected) {
            // a reset
        }
    }
}
