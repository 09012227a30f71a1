package lab.jmh;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import lab.report.Report;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * The suite's front door ({@code mvn -pl jmh exec:java}): runs every benchmark class of {@link Benchmarks}
 * in its own JMH run, one JSON file per class in {@code results/raw/jmh/}, describes the machine in
 * {@code results/raw/environment.json}, then regenerates the reports from the raw files.
 *
 * <p>Why not {@code org.openjdk.jmh.Main} straight from exec:java: the forks are started with
 * {@code java.class.path}, which under exec:java names Maven's launcher, not the project, so every fork
 * dies with "Could not find or load main class ForkedMain" while Maven still says BUILD SUCCESS. The
 * class path is rebuilt here from the class loader that exec:java made, before JMH reads it.
 */
public final class Suite {

    private Suite() {
    }

    public static void main(String[] args) throws IOException {
        SuiteArgs a;
        try {
            a = SuiteArgs.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("jmh: " + e.getMessage());
            System.exit(2);
            return;
        }
        adoptClassPathOfThisLoader();
        List<Benchmarks> chosen = Benchmarks.matching(a.include());
        if (chosen.isEmpty()) {
            System.err.println("jmh: no benchmark class matches '" + a.include() + "' (classes: " + Benchmarks.names() + ")");
            System.exit(2);
        }
        Path jmhDir = a.results().resolve("raw").resolve("jmh");
        Files.createDirectories(jmhDir);
        long start = System.nanoTime();
        int failed = 0;
        for (int i = 0; i < chosen.size(); i++) {
            Benchmarks b = chosen.get(i);
            System.out.printf(Locale.ROOT, "%n[suite] %d/%d %s (%s profile; %s elapsed, about %s for this class)%n", i + 1,
                    chosen.size(), b.simpleName(), a.profile().word(), since(start), b.estimate(a.profile()));
            try {
                Path json = jmhDir.resolve(b.simpleName() + ".json");
                run(b, a.profile(), json);
                MachinePaths.strip(json, a.results().getParent());
            } catch (RunnerException | IOException | RuntimeException e) {
                failed++;
                System.err.println("jmh: " + b.simpleName() + " failed: " + rootMessage(e));
            }
        }
        Duration wall = Duration.ofNanos(System.nanoTime() - start);
        List<String> classes = chosen.stream().map(Benchmarks::simpleName).toList();
        Environment.describe(a.profile(), classes, Benchmarks.FORK_JVM_ARGS, wall, a.results().getParent())
                .write(a.results().resolve("raw").resolve("environment.json"));
        System.out.printf(Locale.ROOT, "[suite] %d classes in %s%s%n", chosen.size(), since(start),
                failed == 0 ? "" : ", " + failed + " failed");
        try {
            Report.generate(a.results()).forEach(p -> System.out.println("wrote " + a.results().getParent().relativize(p)));
        } catch (IllegalArgumentException | UncheckedIOException e) {
            System.err.println("jmh: the report could not be generated: " + e.getMessage());
            failed++;
        }
        if (failed > 0) {
            System.exit(1);
        }
    }

    /**
     * One class, one JMH run, one JSON file. A benchmark that records more than a score per run (the
     * request strategies' efficiency, say) writes it to {@code NAME-runs.jsonl} beside the JSON; the
     * file is started afresh here so it holds this run's figures only.
     */
    private static void run(Benchmarks b, Profile profile, Path json) throws RunnerException, IOException {
        Path runs = json.resolveSibling(b.simpleName() + "-runs.jsonl");
        Files.deleteIfExists(runs);
        List<String> jvmArgs = new ArrayList<>(Benchmarks.FORK_JVM_ARGS);
        jvmArgs.add("-Dlab.jmh.runs=" + runs);
        ChainedOptionsBuilder options = new OptionsBuilder()
                .include("^" + Pattern.quote(b.type().getName()) + "\\.")
                .shouldFailOnError(true)
                .jvmArgs(jvmArgs.toArray(String[]::new)) // replaces, not appends to, the flags of Maven's own JVM
                .resultFormat(ResultFormatType.JSON)
                .result(json.toString());
        b.configure(options, profile);
        if (new Runner(options.build()).run().isEmpty()) {
            throw new IllegalStateException("JMH produced no result (see its output above)");
        }
    }

    /** Makes {@code java.class.path} the project's class path, which the forks inherit. */
    private static void adoptClassPathOfThisLoader() {
        if (!(Thread.currentThread().getContextClassLoader() instanceof URLClassLoader loader)) {
            return; // started by plain `java -cp`: the class path is already right
        }
        List<String> entries = new ArrayList<>();
        for (URL url : loader.getURLs()) {
            if ("file".equals(url.getProtocol())) {
                entries.add(Path.of(java.net.URI.create(url.toString())).toString());
            }
        }
        if (!entries.isEmpty()) {
            System.setProperty("java.class.path", String.join(java.io.File.pathSeparator, entries));
        }
    }

    private static String since(long startNanos) {
        long s = (System.nanoTime() - startNanos) / 1_000_000_000L;
        return String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60);
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }

    /** {@code --results DIR --profile quick|full --include REGEX}; an empty include means all. */
    record SuiteArgs(Path results, Profile profile, String include) {
        static SuiteArgs parse(String[] args) {
            Path results = Path.of("results");
            Profile profile = Profile.QUICK;
            String include = "";
            for (int i = 0; i < args.length; i++) {
                // exec:java hands an empty <argument> (no -Djmh.include) on as null
                String next = i + 1 < args.length && args[i + 1] != null ? args[i + 1] : "";
                String value = next.startsWith("--") ? "" : next;
                switch (args[i]) {
                    case "--results" -> results = Path.of(value);
                    case "--profile" -> profile = Profile.of(value);
                    case "--include" -> include = value;
                    default -> throw new IllegalArgumentException("unknown argument '" + args[i]
                            + "' (allowed: --results DIR, --profile quick|full, --include REGEX)");
                }
                if (!next.startsWith("--")) {
                    i++;
                }
            }
            return new SuiteArgs(results.toAbsolutePath().normalize(), profile, include);
        }
    }
}
