package lab.client.tour;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import lab.client.api.LabApi;
import lab.client.cli.UserError;
import lab.server.LabServer;
import lab.server.ServerConfig;
import lab.server.behavior.LatencyModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code tour}: the quick start. Starts a lab-server of its own on a free port and a temporary
 * folder for an embedded database, runs every task at a small size and prints one table per task,
 * each figure next to its bound. Everything it starts, it stops and deletes.
 */
@Command(name = "tour", mixinStandardHelpOptions = true,
        description = "Run every task at a small size on a lab-server of its own; one table per task.")
public final class TourCommand implements Callable<Integer> {

    @Option(names = "--latency", paramLabel = "SPEC", defaultValue = "uniform:20ms..80ms",
            description = "The tour server's latency model (default: ${DEFAULT-VALUE}).")
    String latency;

    @Spec
    CommandSpec spec;

    /** The tasks, in the seed's order; each section is one task's small run. */
    static List<TourSection> sections() {
        return List.of(new RequestsSection(), new HashSection(), new CacheSection(), new PrimitivesSection());
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path work = Files.createTempDirectory("lab-tour-");
        // Ctrl-C (SIGINT) or a kill (SIGTERM) skips the finally below but runs shutdown hooks.
        Thread cleanup = new Thread(() -> deleteQuietly(work, err), "tour-cleanup");
        Runtime.getRuntime().addShutdownHook(cleanup);
        ServerConfig config = ServerConfig.defaults().withPort(0).withLatency(parseLatency()).withIoThreads(1);
        long start = System.nanoTime();
        try (LabServer server = LabServer.start(config)) {
            out.println("lab tour: lab-server on " + server.baseUrl() + " (limit " + config.limit() + ", latency "
                    + latency + "), work folder " + work);
            TourContext context = new TourContext(LabApi.connect(server.baseUrl()), server.baseUrl(), latency, work);
            for (TourSection section : sections()) {
                out.println();
                out.println("== " + section.title());
                section.run(context, out);
                out.flush();
            }
        } finally {
            deleteTree(work);
            Runtime.getRuntime().removeShutdownHook(cleanup);
        }
        out.printf(java.util.Locale.ROOT, "%ntour done in %.1f s%n", (System.nanoTime() - start) / 1e9);
        out.flush();
        return 0;
    }

    private LatencyModel parseLatency() {
        try {
            return LatencyModel.parse(latency);
        } catch (IllegalArgumentException e) {
            throw new UserError("bad --latency: " + e.getMessage());
        }
    }

    private static void deleteQuietly(Path root, PrintWriter err) {
        try {
            if (Files.exists(root)) {
                deleteTree(root);
            }
        } catch (IOException | RuntimeException e) {
            err.println("tour: could not delete its work folder " + root + ": " + e.getMessage());
            err.flush();
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
