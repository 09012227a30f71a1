package lab.client.judge;

import java.util.concurrent.Callable;
import lab.client.judge.requests.RequestScenarios;
import lab.client.judge.requests.RequestStep;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/** {@code judge requests --step S [--json] [--show] -- COMMAND...}: a requests program, one step of the seed's task. */
@Command(name = "requests", mixinStandardHelpOptions = true,
        description = "Judges a program that calls GET $LAB_URL/api/items/1..$LAB_REQUESTS and prints 'ID STATUS' per id.")
public final class JudgeRequestsCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--step", required = true, converter = StepConverter.class, paramLabel = "STEP",
            description = "gather, semaphore, as-completed, retry or timeout; each also asks what the ones before it asked")
    private RequestStep step;

    @Mixin
    private ProgramOptions options;

    @Override
    public Integer call() throws InterruptedException {
        options.timeLimit(); // checked before any scenario runs
        return Judging.judge("requests", step.cliName(), RequestScenarios.of(step), options,
                spec.commandLine().getOut(), spec.commandLine().getErr());
    }

    /** Reads the step by its command-line name, so a typo gets the list of steps in one line. */
    static final class StepConverter implements ITypeConverter<RequestStep> {
        @Override
        public RequestStep convert(String value) {
            try {
                return RequestStep.ofCliName(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }
}
