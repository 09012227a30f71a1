package lab.client.judge;

import picocli.CommandLine.Command;

/**
 * {@code judge}: anyone's program, in any language, judged by the server. Each task is a
 * subcommand; the program follows {@code --}.
 */
@Command(name = "judge", mixinStandardHelpOptions = true,
        description = "Runs a candidate's own program against lab-servers of its own and judges it by their figures.",
        subcommands = {JudgeRequestsCommand.class, JudgeCacheCommand.class, JudgeHashCommand.class})
public final class JudgeCommand {
}
