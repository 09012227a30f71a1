package lab.client;

import lab.client.cache.CacheCommand;
import lab.client.cli.Cli;
import lab.client.hash.HashCommand;
import lab.client.judge.JudgeCommand;
import lab.client.primitives.PrimitivesCommand;
import lab.client.requests.RequestsCommand;
import lab.client.tour.TourCommand;
import picocli.CommandLine.Command;

/**
 * {@code java -jar lab-client.jar <command> [flags]}: one subcommand per task of the lab, each in a
 * class of its own. Every command takes {@code --json}; errors end in one line and a non-zero exit.
 */
@Command(name = "lab-client", mixinStandardHelpOptions = true, version = "lab-client 0.1.0",
        description = "The asyncio interview tasks as measured experiments against lab-server.",
        subcommands = {RequestsCommand.class, HashCommand.class, CacheCommand.class, PrimitivesCommand.class,
                TourCommand.class, JudgeCommand.class})
public final class LabClient {

    public static void main(String[] args) {
        System.exit(Cli.execute(new LabClient(), args));
    }
}
