package lab.jmh;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The machine beside the numbers (Caffeine's benchmark pages state CPU, cores and OS before any
 * chart): what a reader needs to judge whether a figure carries over to their machine.
 */
record Environment(Map<String, Object> fields) {

    static Environment describe(Profile profile, List<String> classes, List<String> forkJvmArgs, Duration suiteWall, Path repo) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("cpu_model", cpuModel());
        f.put("cores", Runtime.getRuntime().availableProcessors());
        f.put("memory_mib", ManagementFactory.getPlatformMXBean(com.sun.management.OperatingSystemMXBean.class)
                .getTotalMemorySize() >> 20);
        f.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"));
        f.put("jdk", System.getProperty("java.vm.vendor") + " " + System.getProperty("java.runtime.version"));
        f.put("jvm", System.getProperty("java.vm.name"));
        f.put("fork_jvm_args", forkJvmArgs);
        f.put("profile", profile.word());
        f.put("forks", profile.forks);
        f.put("classes_run", classes); // a partial run (-Djmh.include) leaves the other classes' files as they were
        f.put("suite_wall_s", suiteWall.toSeconds());
        f.put("commit", commit(repo));
        f.put("finished_at", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        return new Environment(f);
    }

    void write(Path file) throws IOException {
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        Files.writeString(file, json.writeValueAsString(fields) + "\n", StandardCharsets.UTF_8);
    }

    private static String cpuModel() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).strip();
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: fall through to what the JVM knows
        }
        return System.getProperty("os.arch");
    }

    /** The checked-out commit, with "+changes" when the tree differs from it; "unknown" outside git. */
    private static String commit(Path repo) {
        String head = git(repo, "rev-parse", "--short=12", "HEAD");
        if (head.isEmpty()) {
            return "unknown";
        }
        return git(repo, "status", "--porcelain", "--untracked-files=no").isEmpty() ? head : head + "+changes";
    }

    private static String git(Path repo, String... args) {
        try {
            List<String> command = new java.util.ArrayList<>(List.of("git", "-C", repo.toString()));
            command.addAll(List.of(args));
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0 ? out : "";
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }
}
