package lab.client.judge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import lab.server.support.Await;
import lab.client.support.CliRun;
import org.junit.jupiter.api.Test;

/**
 * The judge keeps a program in hand: one that overruns its time limit, crashes or prints a line it
 * should not is stopped, with its whole process tree, and the verdict says which; bad usage is
 * exit 2 and one line. Small shell programs stand in for candidates here.
 */
class JudgeProgramControlTest {

    @Test
    void aProgramThatOverrunsIsKilledWithItsChildren() {
        JudgeRun run = JudgeRun.of("requests", "--step", "gather", "--time-limit", "300ms", "--json", "--show", "--",
                "sh", "-c", "sleep 60 & echo child $! >&2; sleep 60");
        assertThat(run.cli().exitCode()).isEqualTo(1);
        String ended = run.rule("parallel: ran to completion").get("message").asText();
        // How many processes the tree holds depends on the shell (and what it forks); that every one of
        // them is gone is what matters, and the child's own pid is checked below.
        assertThat(ended).contains("outlived its time limit of 300ms").containsPattern("killed with its whole process tree \\([2-9] processes\\)");
        long child = childPid(run.cli().err()).orElseThrow(() -> new AssertionError("the program named no child: " + run));
        Await.require("the program's child is gone", () -> ProcessHandle.of(child).map(p -> !p.isAlive()).orElse(true));
    }

    @Test
    void aProgramThatCrashesIsCaughtWithWhatItSaid() {
        JudgeRun run = JudgeRun.of("requests", "--step", "gather", "--json", "--",
                "sh", "-c", "echo '1 200'; echo 'ModuleNotFoundError: no aiohttp here' >&2; exit 3");
        assertThat(run.cli().exitCode()).isEqualTo(1);
        assertThat(run.rule("parallel: ran to completion").get("message").asText())
                .startsWith("crashed: exited with code 3").contains("ModuleNotFoundError: no aiohttp here");
        assertThat(run.rule("parallel: every id answered 200 once").get("message").asText()).contains("handed on 1 results for 30 ids");
    }

    @Test
    void aLineItShouldNotPrintStopsItAtOnceAndIsNamed() {
        JudgeRun run = JudgeRun.of("requests", "--step", "gather", "--json", "--",
                "sh", "-c", "echo '1 200'; echo 'fetched 2 items'; sleep 60");
        assertThat(run.cli().exitCode()).isEqualTo(1);
        assertThat(run.rule("parallel: ran to completion").get("message").asText())
                .contains("printed a line it should not, 'fetched 2 items'").contains("want 'ID STATUS', ID one of 1..30")
                .contains("killed with its whole process tree");
    }

    @Test
    void aProgramThatCannotStartIsBadUsage() {
        CliRun run = CliRun.of("judge", "requests", "--step", "gather", "--", "no-such-program-anywhere");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines()).last().asString().startsWith("judge requests: cannot run no-such-program-anywhere");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void badFlagsAreOneLineAndExit2() {
        CliRun step = CliRun.of("judge", "requests", "--step", "gathr", "--", "true");
        assertThat(step.exitCode()).isEqualTo(2);
        assertThat(step.errLines()).singleElement().asString().contains("bad --step 'gathr'").contains("gather, semaphore, as-completed, retry, timeout");

        CliRun noProgram = CliRun.of("judge", "cache");
        assertThat(noProgram.exitCode()).isEqualTo(2);
        assertThat(noProgram.errLines()).singleElement().asString().contains("COMMAND");
    }

    @Test
    void theReadableVerdictShowsEveryRuleAndTheFiguresAndShowAddsTheLines() {
        CliRun run = CliRun.of("judge", "requests", "--step", "gather", "--show", "--",
                "sh", "-c", "for i in $(seq 1 30); do echo \"$i 200\"; done; echo 'a note on stderr' >&2");
        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(1); // printed 30 200s, but sent no request
        assertThat(run.out()).contains("judge requests --step gather: FAILED")
                .contains("  pass  parallel: ran to completion")
                .contains("  FAIL  parallel: every id answered 200 once")
                .contains("30 ids were printed 200, but the server answered 200 to 0 requests")
                .contains("  FAIL  parallel: in about the slowest latency, not their sum  nothing to time")
                .contains("scenario", "wall ms", "bound ms", "efficiency", "first line ms", "rejected (429)")
                .contains("--- scenario parallel:").contains("a note on stderr").contains("LAB_CONCURRENCY=30 LAB_REQUESTS=30");
    }

    private static Optional<Long> childPid(String stderr) {
        Matcher m = Pattern.compile("child (\\d+)").matcher(stderr);
        return m.find() ? Optional.of(Long.parseLong(m.group(1))) : Optional.empty();
    }
}
