package lab.server.live;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import lab.server.support.Chromium;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Takes a PNG of a running server's live view in headless Chromium, once the page has drawn the
 * server's backlog: how {@code docs/live-view.png} was made, during a real run.
 *
 * <p>Run: {@code ./mvnw -pl lab-server test-compile exec:exec@live-screenshot -Dscreenshot.args="URL FILE.png"}
 */
public final class PageScreenshot {

    private PageScreenshot() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: PageScreenshot URL FILE.png (for example http://127.0.0.1:8080/ docs/live-view.png)");
            System.exit(2);
        }
        Path out = Path.of(args[1]).toAbsolutePath();
        Path profile = Files.createTempDirectory("live-view-profile");
        ChromeDriver browser = Chromium.start(Chromium.ensureInstalled(), profile);
        try {
            browser.get(args[0]);
            new WebDriverWait(browser, Duration.ofSeconds(30), Duration.ofMillis(100))
                    .withMessage("the page to draw a window of the server's")
                    .until(d -> !d.findElement(By.id("in-flight")).getText().equals("–")
                            && ((Number) ((JavascriptExecutor) d).executeScript("return window.labLive.windows;")).longValue() > 0);
            Files.write(out, browser.getScreenshotAs(OutputType.BYTES));
            System.out.println("wrote " + out);
        } finally {
            browser.quit();
        }
    }
}
