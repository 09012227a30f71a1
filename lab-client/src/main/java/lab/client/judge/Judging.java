package lab.client.judge;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import lab.client.cli.Cli;
import lab.client.cli.Json;

/**
 * One judge run, for any task: every scenario in turn (a progress line for each on stderr), then
 * the verdict, as a readable text or as one JSON object; the exit code 0 when every rule held, 1
 * when one did not, 2 when the program could not be started at all.
 */
public final class Judging {

    private Judging() {
    }

    public static int judge(String task, String step, List<Scenario> scenarios, JudgeOptions options, PrintWriter out,
                            PrintWriter err) throws InterruptedException {
        List<Observation> observed = new ArrayList<>();
        PrintWriter show = options.json() ? err : out;
        for (int i = 0; i < scenarios.size(); i++) {
            Scenario scenario = scenarios.get(i);
            err.println("judge: scenario " + (i + 1) + " of " + scenarios.size() + ", " + scenario.name() + ": " + scenario.what());
            err.flush();
            Observation o;
            try {
                o = ScenarioRun.run(scenario, options.command(), options.timeLimit());
            } catch (ProgramRun.CannotStart e) {
                err.println("judge " + task + ": " + e.getMessage());
                err.flush();
                return Cli.EXIT_BAD_FLAGS;
            }
            observed.add(o);
            if (options.show()) {
                show.print(VerdictText.shown(o));
                show.flush();
            }
        }
        Verdict verdict = Verdict.of(task, step, options.command(), observed);
        out.println(options.json() ? Json.line(verdict) : VerdictText.of(verdict));
        out.flush();
        return verdict.passed() ? 0 : Cli.EXIT_FAILED;
    }

    /** The flags every judge command takes. */
    public interface JudgeOptions {
        List<String> command();

        boolean json();

        boolean show();

        Duration timeLimit();
    }
}
