package lab.client.support;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A Python 3 with aiohttp for the tests that run the lab's Python answers, provisioned by the tests
 * themselves so that they never skip: the first {@code python3} on the PATH that imports aiohttp
 * (a pyenv shim often comes first and has none; Debian's own interpreter, further down the PATH,
 * has it once {@code python3-aiohttp} is installed); when there is none and we are root with
 * {@code apt-get}, Debian's {@code python3-aiohttp} is installed first. Anything else fails with
 * the reason.
 */
public final class Python {

    private static String found;

    private Python() {
    }

    /** The interpreter's path, found (or installed) once per test JVM. */
    public static synchronized String withAiohttp() {
        if (found == null) {
            found = find().or(Python::installThenFind).orElseThrow(() -> new IllegalStateException(
                    "the judge's tests run the lab's Python answers and need python3 with aiohttp: none of the python3"
                            + " on the PATH imports it, and it could not be installed (needs root and apt-get:"
                            + " apt-get install -y python3-aiohttp)"));
        }
        return found;
    }

    private static Optional<String> find() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path python = Path.of(dir.isEmpty() ? "." : dir, "python3");
            if (Files.isExecutable(python) && succeeds(List.of(python.toString(), "-c", "import aiohttp"), 60)) {
                return Optional.of(python.toString());
            }
        }
        return Optional.empty();
    }

    private static Optional<String> installThenFind() {
        if (!"root".equals(System.getProperty("user.name")) || !succeeds(List.of("apt-get", "--version"), 30)) {
            return Optional.empty();
        }
        List<String> install = List.of("env", "DEBIAN_FRONTEND=noninteractive", "apt-get", "install", "-y", "-qq", "python3-aiohttp");
        if (!succeeds(install, 600)) {
            succeeds(List.of("apt-get", "update", "-qq"), 600); // the package lists may be missing on a fresh machine
            succeeds(install, 600);
        }
        return find();
    }

    private static boolean succeeds(List<String> command, int seconds) {
        try {
            Process p = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true).start();
            p.getOutputStream().close();
            byte[] out = p.getInputStream().readAllBytes(); // drained, so a chatty install cannot block on a full pipe
            if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return false;
            }
            if (p.exitValue() != 0 && command.contains("install")) {
                System.err.println("python3-aiohttp install failed: " + new String(out, StandardCharsets.UTF_8).strip());
            }
            return p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
