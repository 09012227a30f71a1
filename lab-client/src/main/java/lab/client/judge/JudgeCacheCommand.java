package lab.client.judge;

import java.util.concurrent.Callable;
import lab.client.judge.cache.CacheScenarios;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code judge cache [--json] [--show] -- COMMAND...}: a cache program under the stampede. */
@Command(name = "cache", mixinStandardHelpOptions = true,
        description = "Judges a program whose $LAB_CALLERS callers each want key k(i mod $LAB_KEYS) and print 'CALLER KEY STATUS'.")
public final class JudgeCacheCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private ProgramOptions options;

    @Override
    public Integer call() throws InterruptedException {
        options.timeLimit();
        return Judging.judge("cache", null, CacheScenarios.all(), options, spec.commandLine().getOut(), spec.commandLine().getErr());
    }
}
