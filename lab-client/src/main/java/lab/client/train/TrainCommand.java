package lab.client.train;

import java.io.PrintWriter;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import lab.client.LabClient;
import lab.client.cli.Cli;
import lab.client.requests.Strategies;
import lab.server.LabServer;
import lab.server.ServerConfig;
import lab.server.behavior.LatencyModel;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code train}: the training run behind the JVM's ahead-of-time cache, which {@code ./lab} makes
 * once per build ({@code -XX:AOTCacheOutput}, or a CDS archive before JDK 25). It starts a
 * lab-server of its own and runs {@code requests} through the command line, as a user would, for
 * every strategy of every family, in each output form: the classes those runs load and link, and
 * the profiles of their hot methods, are what a later cold run finds ready. Hidden from the help:
 * users never need to call it.
 */
@Command(name = "train", hidden = true, mixinStandardHelpOptions = true,
        description = "The training run behind the JVM's AOT cache (./lab runs it once per build).")
public final class TrainCommand implements Callable<Integer> {

    private static final List<String> TWO = List.of("bounded", "streaming");

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        ServerConfig config = ServerConfig.defaults().withPort(0).withLatency(LatencyModel.parse("uniform:1ms..5ms"))
                .withIoThreads(1);
        int runs = 0;
        List<String> failed = new ArrayList<>();
        // The runs print into nothing: what is trained is their work, not their output.
        try (LabServer server = LabServer.start(config); PrintWriter quiet = new PrintWriter(Writer.nullWriter())) {
            for (Strategies.Family family : Strategies.Family.values()) {
                boolean all = family == Strategies.Family.VIRTUAL || family == Strategies.Family.LEAN;
                for (String strategy : all ? Strategies.NAMES : TWO) {
                    for (String form : List.of("--json", "--each", "--timeout=2s")) { // the last prints the summary text
                        runs++;
                        String[] args = {"requests", "--url", server.baseUrl(), "--strategy", strategy, "--impl",
                            family.word(), "--requests", strategy.equals("sequential") ? "20" : "300", form};
                        CommandLine run = LabClient.commandLine(args);
                        run.setOut(quiet);
                        int exit = Cli.execute(run, args);
                        if (exit != 0) {
                            failed.add(family.word() + "/" + strategy + " " + form);
                        }
                    }
                }
            }
        }
        out.println("trained on " + runs + " runs" + (failed.isEmpty() ? "" : "; failed: " + failed));
        out.flush();
        return failed.isEmpty() ? 0 : Cli.EXIT_FAILED;
    }
}
