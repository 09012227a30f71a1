package lab.jmh;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Takes this machine's paths out of a JMH result file before it is committed: JMH records the forks'
 * {@code java} by its absolute path and every fork flag as given, the runs file's absolute path
 * among them. No report reads either, and the repository holds no machine's paths, so the java
 * becomes its bare name and the runs file a path relative to the repository.
 *
 * <p>A plain text replacement of the two known strings, not a JSON round trip: JMH's own layout of
 * the file is kept, so a rerun's diff shows changed figures only.
 */
final class MachinePaths {
    private MachinePaths() {
    }

    static void strip(Path jmhJson, Path repositoryRoot) throws IOException {
        String text = Files.readString(jmhJson, StandardCharsets.UTF_8);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String stripped = text
                .replace(quoted(java), quoted("java"))
                .replace(repositoryRoot.toAbsolutePath().normalize() + "/", "");
        if (!stripped.equals(text)) {
            Files.writeString(jmhJson, stripped, StandardCharsets.UTF_8);
        }
    }

    private static String quoted(String s) {
        return "\"" + s + "\"";
    }
}
