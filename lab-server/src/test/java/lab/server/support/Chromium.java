package lab.server.support;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium and its chromedriver, for tests that look at a page in a real browser.
 * Missing, they are installed with apt-get (the tests run as root on the lab's machines); where that
 * cannot be done the test fails saying why, it is never skipped.
 *
 * <p>Nothing is downloaded by Selenium: the driver and the browser binary are given to it, so
 * Selenium Manager has nothing to look up. The flags keep Chromium off the network (the machine's
 * is closed, and without them Chromium waits on refused connections for its updaters and sync).
 */
public final class Chromium {

    /** Where Debian's packages put them; LAB_CHROMIUM and LAB_CHROMEDRIVER name others. */
    private static final String BROWSER = "chromium";
    private static final String DRIVER = "chromedriver";
    private static final List<String> PACKAGES = List.of("chromium", "chromium-driver");
    private static final long INSTALL_BOUND_MINUTES = 15;

    static final List<String> FLAGS = List.of("--headless=new", "--no-sandbox", "--disable-gpu",
            "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--no-first-run", "--window-size=1280,1400");

    /** The two programs a browser test needs. */
    public record Binaries(Path browser, Path driver) {
    }

    private Chromium() {
    }

    /** Finds chromium and chromedriver, installing Debian's packages first when either is missing. */
    public static synchronized Binaries ensureInstalled() throws IOException, InterruptedException {
        Optional<Binaries> found = find();
        if (found.isPresent()) {
            return found.get();
        }
        if (!"root".equals(System.getProperty("user.name")) || find("apt-get", null).isEmpty()) {
            throw new AssertionError("the browser tests need chromium and chromedriver; install them with"
                    + " apt-get install -y " + String.join(" ", PACKAGES) + " (as root), or set LAB_CHROMIUM and LAB_CHROMEDRIVER");
        }
        Path log = Path.of("target", "apt-chromium.log").toAbsolutePath();
        Files.createDirectories(log.getParent());
        System.err.println("[live] installing " + String.join(" ", PACKAGES) + " with apt-get (log: " + log + ")");
        apt(log, List.of("apt-get", "update", "-qq"));
        List<String> install = new ArrayList<>(List.of("apt-get", "install", "-y", "-qq", "--no-install-recommends",
                "-o", "DPkg::Lock::Timeout=600")); // another test's apt-get may hold dpkg's lock: wait for it
        install.addAll(PACKAGES);
        apt(log, install);
        return find().orElseThrow(() -> new AssertionError("apt-get installed " + PACKAGES
                + " but chromium or chromedriver is still not on the PATH (see " + log + ")"));
    }

    /** A headless Chromium driven through chromedriver, with a profile of its own in {@code profile}. */
    public static ChromeDriver start(Binaries binaries, Path profile) {
        System.setProperty("webdriver.chrome.driver", binaries.driver().toString());
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(binaries.driver().toFile())
                .usingAnyFreePort()
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(binaries.browser().toFile());
        options.addArguments(FLAGS);
        options.addArguments("--user-data-dir=" + profile.toAbsolutePath());
        return new ChromeDriver(service, options);
    }

    private static Optional<Binaries> find() {
        Optional<Path> browser = find(BROWSER, "LAB_CHROMIUM");
        Optional<Path> driver = find(DRIVER, "LAB_CHROMEDRIVER");
        return browser.isPresent() && driver.isPresent() ? Optional.of(new Binaries(browser.get(), driver.get())) : Optional.empty();
    }

    /** An executable named by the environment variable, or the first {@code name} on the PATH. */
    private static Optional<Path> find(String name, String variable) {
        String given = variable == null ? null : System.getenv(variable);
        if (given != null && !given.isBlank()) {
            return Optional.of(Path.of(given)).filter(Files::isExecutable);
        }
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(File.pathSeparator)) {
            Path candidate = Path.of(dir, name);
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private static void apt(Path log, List<String> command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().put("DEBIAN_FRONTEND", "noninteractive");
        Process p = builder.start();
        if (!p.waitFor(INSTALL_BOUND_MINUTES, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " did not finish in " + INSTALL_BOUND_MINUTES + " minutes (see " + log + ")");
        }
        if (p.exitValue() != 0) {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            throw new AssertionError(String.join(" ", command) + " failed with exit code " + p.exitValue() + ": "
                    + String.join(" | ", lines.subList(Math.max(0, lines.size() - 5), lines.size())));
        }
    }
}
