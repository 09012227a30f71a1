package lab.server.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import lab.server.LabServer;
import lab.server.ServerConfig;
import lab.server.behavior.LatencyModel;
import lab.server.stats.Snapshot;
import lab.server.support.Await;
import lab.server.support.Chromium;
import lab.server.support.HttpConnection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The live view in a real browser (Debian's headless Chromium): the page must show what the server
 * is doing while it does it, from the server's own figures. Ten {@code fail=hang} requests fill the
 * limit, bursts past it are refused, and the page has to say so: in flight 10 of 10, a rejected
 * count that rises with each burst, then in flight back to 0 when the hanging clients leave.
 */
class LiveViewBrowserTest {

    private static final int LIMIT = 10;
    /** Every wait on the page is bounded; a window arrives once a second, so this is many windows. */
    private static final Duration PAGE_BOUND = Duration.ofSeconds(30);

    @TempDir
    static Path profile;
    static LabServer server;
    static ChromeDriver browser;

    @BeforeAll
    static void startServerAndBrowser() throws Exception {
        Chromium.Binaries chromium = Chromium.ensureInstalled();
        server = LabServer.start(ServerConfig.defaults().withPort(0).withLimit(LIMIT)
                .withLatency(LatencyModel.parse("fixed:5ms")));
        browser = Chromium.start(chromium, profile);
        browser.get(server.baseUrl() + "/");
        waitFor("the page to connect to its stream", d -> text("status").equals("live"));
        waitFor("the server's flags on the page", d -> text("flags").contains("limit " + LIMIT));
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void showsTheLimitFullRejectionsRisingAndTheSlotsComingBack() throws Exception {
        server.ledger().reset();
        List<HttpConnection> hanging = new ArrayList<>();
        try {
            for (int i = 1; i <= LIMIT; i++) {
                HttpConnection c = new HttpConnection(server.port());
                c.send("GET", "/api/items/hang" + i + "?fail=hang");
                hanging.add(c);
            }
            Await.until("10 hanging requests in flight", () -> stats().inFlight() == LIMIT);
            waitFor("in flight 10 of 10 on the page", d -> text("in-flight").equals("10") && text("limit").equals("10"));
            waitFor("the per-second maximum at the limit", d -> text("max-in-flight").equals("10"));
            assertThat(browser.findElement(By.tagName("body")).getText()).contains("in flight");

            burst(40);
            waitFor("40 rejections since reset on the page", d -> text("rejected-total").equals("40"));
            burst(40);
            waitFor("the rejected count rising to 80", d -> text("rejected-total").equals("80"));
            // The per-second windows the page received add up to what the server counted: no window lost or doubled.
            waitFor("every rejection in some second's window", d -> received("rejected") == 80);
            assertThat(stats().rejected()).isEqualTo(80);
        } finally {
            for (HttpConnection c : hanging) {
                c.close();
            }
        }
        Await.until("the hanging requests released", () -> stats().inFlight() == 0);
        waitFor("in flight back to 0 on the page", d -> text("in-flight").equals("0"));
        waitFor("the abandoned requests counted as failed", d -> text("failed-total").equals("10"));
        // The page, its files and its stream never took a slot: only the ten hangs were ever accepted.
        assertThat(stats().accepted()).isEqualTo(LIMIT);
    }

    @Test
    void showsTheRunThatAClientAnnounced() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String started = post(http, "/runs?name=requests%20bounded&detail=1000%20ids%2C%20concurrency%2010");
        assertThat(started).contains("\"name\":\"requests bounded\"");
        long id = Long.parseLong(started.replaceAll(".*\"id\":(\\d+).*", "$1"));
        waitFor("the run on the page", d -> text("run").contains("requests bounded (1000 ids, concurrency 10), running for"));
        post(http, "/runs/" + id + "/end");
        waitFor("the run ended on the page", d -> text("run").contains("requests bounded (1000 ids, concurrency 10), ended after"));
    }

    /** {@code n} item requests on 4 connections, each answered 429 at once since the limit is full. */
    private static void burst(int n) throws IOException {
        List<HttpConnection> conns = new ArrayList<>();
        try {
            for (int i = 0; i < 4; i++) {
                conns.add(new HttpConnection(server.port()));
            }
            for (int i = 0; i < n; i++) {
                HttpConnection.Response r = conns.get(i % conns.size()).get("/api/items/" + i);
                assertThat(r.status()).as("item request %d with the limit full", i).isEqualTo(429);
            }
        } finally {
            for (HttpConnection c : conns) {
                c.close();
            }
        }
    }

    private static String post(HttpClient http, String target) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + target))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as("POST %s: %s", target, r.body()).isEqualTo(200);
        return r.body();
    }

    private static Snapshot stats() {
        return server.ledger().snapshot();
    }

    private static String text(String id) {
        return browser.findElement(By.id(id)).getText().strip();
    }

    /** What the page's script added up from the windows it received (window.labLive). */
    private static long received(String counter) {
        Object v = ((JavascriptExecutor) browser).executeScript("return window.labLive." + counter + ";");
        return ((Number) v).longValue();
    }

    /** A bounded wait on the page; on failure, a screenshot in target/ and what the page said. */
    private static void waitFor(String what, Function<WebDriver, Boolean> condition) {
        try {
            new WebDriverWait(browser, PAGE_BOUND, Duration.ofMillis(100)).withMessage(what).until(condition::apply);
        } catch (RuntimeException e) {
            Path shot = Path.of("target", "live-view-failure.png");
            try {
                Files.write(shot, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
            } catch (IOException | RuntimeException ignored) {
                // the assertion below says what failed; the picture is a bonus
            }
            throw new AssertionError("gave up waiting for " + what + "; the page said: "
                    + browser.findElement(By.tagName("body")).getText().replace('\n', ' ') + " (screenshot: " + shot + ")", e);
        }
    }
}
