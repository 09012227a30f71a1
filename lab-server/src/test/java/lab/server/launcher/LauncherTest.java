package lab.server.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** {@code java -jar lab-server.jar} on a JDK older than 21: one line that says what to do, exit 1. */
class LauncherTest {

    @Test
    void anOldJavaGetsOneLineSayingWhatToInstall() {
        String line = Launcher.problem("17", "jdk-17");
        assertThat(line).contains("needs Java 21 or newer, but this java is 17").contains("./lab server").doesNotContain("\n");
        assertThat(Launcher.problem("1.8", "/x")).contains("this java is 1.8");
        assertThat(Launcher.problem("21", "/x")).isNull();
        assertThat(Launcher.problem("25", "/x")).isNull();
    }

    @Test
    void theEntryPointRunsOnARealOldJdk() throws Exception {
        Path java = oldJava().orElseThrow(() -> new AssertionError(
                "no JDK older than 21 under /usr/lib/jvm to run the entry point with (apt-get install -y openjdk-17-jre-headless)"));
        Path classes = Path.of(Launcher.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Process p = new ProcessBuilder(java.toString(), "-cp", classes.toString(), Launcher.class.getName(), "--help")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(err).isEqualTo(1);
        assertThat(err.strip()).as("stderr").doesNotContain("\n").contains("needs Java 21 or newer").doesNotContain("Exception");
    }

    /** A {@code bin/java} under /usr/lib/jvm whose release file says a version below 21. */
    private static Optional<Path> oldJava() throws IOException {
        Path jvms = Path.of("/usr/lib/jvm");
        if (!Files.isDirectory(jvms)) {
            return Optional.empty();
        }
        try (Stream<Path> homes = Files.list(jvms)) {
            return homes.filter(home -> Files.isExecutable(home.resolve("bin/java")))
                    .filter(home -> feature(home).filter(f -> f < Launcher.NEEDED).isPresent())
                    .sorted(Comparator.naturalOrder())
                    .map(home -> home.resolve("bin/java"))
                    .findFirst();
        }
    }

    private static Optional<Integer> feature(Path home) {
        try {
            return Files.readAllLines(home.resolve("release")).stream()
                    .filter(l -> l.startsWith("JAVA_VERSION="))
                    .map(l -> Launcher.feature(l.substring("JAVA_VERSION=".length()).replace("\"", "")))
                    .findFirst();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
