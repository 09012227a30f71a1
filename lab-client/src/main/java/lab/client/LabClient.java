package lab.client;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import lab.client.cache.CacheCommand;
import lab.client.cli.Cli;
import lab.client.cli.QuickArgs;
import lab.client.hash.HashCommand;
import lab.client.judge.JudgeCommand;
import lab.client.primitives.PrimitivesCommand;
import lab.client.requests.RequestsCommand;
import lab.client.tour.TourCommand;
import lab.client.train.TrainCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code java -jar lab-client.jar <command> [flags]}: one subcommand per task of the lab, each in a
 * class of its own. Every command takes {@code --json}; errors end in one line and a non-zero exit.
 */
@Command(name = "lab-client", mixinStandardHelpOptions = true, version = "lab-client 0.1.0",
        description = "The asyncio interview tasks as measured experiments against lab-server.")
public final class LabClient {

    /** Every subcommand, in the order the help lists them. */
    private static final Map<String, Supplier<Object>> COMMANDS = new LinkedHashMap<>();

    static {
        COMMANDS.put("requests", RequestsCommand::new);
        COMMANDS.put("hash", HashCommand::new);
        COMMANDS.put("cache", CacheCommand::new);
        COMMANDS.put("primitives", PrimitivesCommand::new);
        COMMANDS.put("tour", TourCommand::new);
        COMMANDS.put("judge", JudgeCommand::new);
        COMMANDS.put("train", TrainCommand::new);
    }

    public static void main(String[] args) {
        System.exit(execute(args, Cli.stdout(), Cli.stderr()));
    }

    /**
     * Runs one command line, printing on {@code out} and {@code err}. {@code requests} with plain
     * flags is read without picocli ({@link QuickArgs}: the client's cold start is measured against
     * the seed's asyncio answer, and picocli's start-up is a third of that answer's whole run); any
     * other command line, or a doubtful one, goes to picocli, with the same messages either way.
     */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        if (args.length > 0 && args[0].equals("requests")) {
            RequestsCommand quick = new RequestsCommand();
            if (QuickArgs.bind(quick, Arrays.copyOfRange(args, 1, args.length)) && quick.flagsHold()) {
                return Cli.run("lab-client requests", () -> quick.run(out, err), err);
            }
        }
        CommandLine cmd = commandLine(args);
        cmd.setOut(out);
        cmd.setErr(err);
        return Cli.execute(cmd, args);
    }

    /**
     * The command line for these arguments. picocli reflects over every option of every subcommand
     * it is given, which in a fresh JVM costs more CPU than a short run of requests; so a run of
     * one subcommand is given that one alone, and only the help, a version or an unknown command
     * gets them all (the same messages either way).
     */
    public static CommandLine commandLine(String... args) {
        CommandLine cmd = new CommandLine(new LabClient());
        boolean one = args.length > 0 && COMMANDS.containsKey(args[0]);
        COMMANDS.forEach((name, command) -> {
            if (!one || name.equals(args[0])) {
                cmd.addSubcommand(name, command.get());
            }
        });
        return cmd;
    }
}
