package lab.client.judge;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import lab.server.behavior.DurationConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** The flags of every judge command, and the program after {@code --}. */
public final class ProgramOptions implements Judging.JudgeOptions {

    @Spec(Spec.Target.MIXEE)
    private CommandSpec spec;

    @Option(names = "--json", description = "print the verdict as one JSON object on stdout")
    private boolean json;

    @Option(names = "--show", description = "print the program's stderr and each line it printed, with the judge's timing of it")
    private boolean show;

    @Option(names = "--time-limit", defaultValue = "20s", converter = DurationConverter.class, paramLabel = "D",
            description = "how long the program may run in each scenario before it is killed (default: ${DEFAULT-VALUE})")
    private Duration timeLimit;

    @Parameters(arity = "1..*", paramLabel = "COMMAND", description = "the program and its arguments, after --")
    private List<String> command = new ArrayList<>();

    @Override
    public List<String> command() {
        return List.copyOf(command);
    }

    @Override
    public boolean json() {
        return json;
    }

    @Override
    public boolean show() {
        return show;
    }

    @Override
    public Duration timeLimit() {
        if (timeLimit.isZero() || timeLimit.compareTo(Duration.ofMinutes(10)) > 0) {
            throw new ParameterException(spec.commandLine(), "bad --time-limit " + timeLimit.toMillis() + "ms: use 1ms to 10m");
        }
        return timeLimit;
    }
}
