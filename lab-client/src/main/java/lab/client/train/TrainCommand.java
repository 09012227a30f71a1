package lab.client.train;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import lab.client.LabClient;
import lab.client.cli.Cli;
import lab.client.cli.UserError;
import lab.client.requests.Strategies;
import lab.server.LabServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code train}: the training run behind the JVM's ahead-of-time cache, which {@code ./lab} makes
 * once per build ({@code -XX:AOTCacheOutput}, or a CDS archive before JDK 25). It runs
 * {@code requests} through the command line, as a user would, for every strategy of every family,
 * in each output form: the classes those runs load and link, and the profiles of their hot methods,
 * are what a later cold run finds ready.
 *
 * <p>The lab-server it trains against runs in a JVM of its own. A cache holds every class its
 * training loaded, and a later run loads every class of the cache at start-up, used or not; with the
 * server in this JVM that was Netty and the server (a third of the cache), paid by every cold run
 * of the client (README, "Cold start"). Hidden from the help: users never need to call it.
 */
@Command(name = "train", hidden = true, mixinStandardHelpOptions = true,
        description = "The training run behind the JVM's AOT cache (./lab runs it once per build).")
public final class TrainCommand implements Callable<Integer> {

    private static final List<String> TWO = List.of("bounded", "streaming");

    @Spec
    CommandSpec spec;

    /**
     * Every family but netty: a later run loads every class of the cache at start-up, and Netty's
     * client classes made each cold {@code lean} run (the default) spend 7 % more CPU (0.43 against
     * 0.40 s over 200 requests, medians of six runs each); netty runs load them from the jar instead.
     */
    @Option(names = "--families", split = ",", paramLabel = "FAMILY",
            description = "The families to train on (default: every one but netty); for measuring what a cache of fewer or more costs.")
    List<String> families = Arrays.stream(Strategies.Family.values()).filter(f -> f != Strategies.Family.NETTY)
            .map(Strategies.Family::word).toList();

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        int runs = 0;
        List<String> failed = new ArrayList<>();
        Process server = startServer();
        // The runs print into nothing: what is trained is their work, not their output.
        try (PrintWriter quiet = new PrintWriter(Writer.nullWriter())) {
            String url = readUrl(server);
            for (String word : families) {
                Strategies.Family family = Strategies.Family.valueOf(word.toUpperCase(Locale.ROOT));
                boolean all = family == Strategies.Family.VIRTUAL || family == Strategies.Family.LEAN || family == Strategies.Family.NETTY;
                for (String strategy : all ? Strategies.NAMES : TWO) {
                    for (String form : List.of("--json", "--each", "--timeout=2s")) { // the last prints the summary text
                        runs++;
                        String[] args = {"requests", "--url", url, "--strategy", strategy, "--impl",
                            family.word(), "--requests", strategy.equals("sequential") ? "20" : "300", form};
                        int exit = LabClient.execute(args, quiet, spec.commandLine().getErr());
                        if (exit != 0) {
                            failed.add(family.word() + "/" + strategy + " " + form);
                        }
                    }
                }
            }
        } finally {
            server.destroy();
            if (!server.waitFor(10, TimeUnit.SECONDS)) {
                server.destroyForcibly();
            }
        }
        out.println("trained on " + runs + " runs" + (failed.isEmpty() ? "" : "; failed: " + failed));
        out.flush();
        return failed.isEmpty() ? 0 : Cli.EXIT_FAILED;
    }

    /** lab-server from this jar, in a JVM of its own, on a free port, with short service times. */
    private static Process startServer() throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                LabServer.class.getName(), "--port", "0", "--latency", "uniform:1ms..5ms", "--io-threads", "1")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
    }

    /** The server's first line names its address; the rest of its output is drained so it never blocks. */
    private static String readUrl(Process server) throws IOException {
        BufferedReader lines = server.inputReader(StandardCharsets.UTF_8);
        String first = lines.readLine();
        String prefix = "listening on ";
        if (first == null || !first.startsWith(prefix)) {
            throw new UserError("train: lab-server did not start (its first line was " + first + ")");
        }
        Thread.ofPlatform().daemon().start(() -> {
            try {
                lines.transferTo(Writer.nullWriter());
            } catch (IOException e) {
                // the server has gone: nothing left to drain
            }
        });
        return first.substring(prefix.length()).strip();
    }
}
