package lab.client.hash.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** The processes the bench starts: lab-client in JVMs of its own, and the outside tools. */
final class Tools {

    /** The JVM flags the lab-client jar's manifest gives ({@code Enable-Native-Access}, {@code Add-Opens}). */
    static final List<String> CLIENT_JVM_FLAGS = List.of("--enable-native-access=ALL-UNNAMED",
            "--add-opens", "java.base/sun.security.provider=ALL-UNNAMED");

    private Tools() {
    }

    /** {@code lab-client ARGS} in a fresh JVM (this JDK, this class path, {@code jvmFlags} first); its stdout. */
    static String labClient(List<String> jvmFlags, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(CLIENT_JVM_FLAGS);
        command.addAll(jvmFlags);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "lab.client.LabClient"));
        command.addAll(List.of(args));
        return run(command, null);
    }

    /** Runs {@code command} (stdin given or none, stderr passed through); its stdout, or one line saying how it failed. */
    static String run(List<String> command, String stdin) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try (var in = p.getOutputStream()) {
            if (stdin != null) {
                in.write(stdin.getBytes(StandardCharsets.UTF_8));
            }
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int code = p.waitFor();
        if (code != 0) {
            throw new IOException(String.join(" ", command.subList(0, Math.min(command.size(), 3))) + " ... "
                    + command.getLast() + " exited with " + code);
        }
        return out;
    }

    static boolean onPath(String tool) {
        String path = System.getenv().getOrDefault("PATH", "");
        return Stream.of(path.split(":")).anyMatch(d -> !d.isEmpty() && Files.isExecutable(Path.of(d, tool)));
    }

    /** The system's python3, not a pyenv shim that may come first on PATH. */
    static String defaultPython() {
        return Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3" : "python3";
    }

    static String cpuModel() {
        try (Stream<String> lines = Files.lines(Path.of("/proc/cpuinfo"))) {
            return lines.filter(l -> l.startsWith("model name")).findFirst().map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse("unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
