package lab.client.judge;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.List;

/**
 * What the judge says about a program: every rule with whether it held and why, and the figures.
 * {@code --json} prints exactly this: {@code task}, {@code step} (requests only), {@code passed},
 * {@code rules} [{@code rule}, {@code passed}, {@code message}], {@code figures} (the step's own
 * scenario's figures, and {@code scenarios} with every scenario's).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Verdict(String task, String step, boolean passed, List<String> program, List<RuleResult> rules,
                      AllFigures figures) {

    /** The figures of the step's own scenario at the top, every scenario's in {@code scenarios}. */
    public record AllFigures(@JsonUnwrapped Figures main, List<Figures> scenarios) {
    }

    public static Verdict of(String task, String step, List<String> program, List<Observation> observed) {
        List<RuleResult> rules = observed.stream().flatMap(o -> o.rules().stream()).toList();
        List<Figures> figures = observed.stream().map(Observation::figures).toList();
        return new Verdict(task, step, rules.stream().allMatch(RuleResult::passed), List.copyOf(program), rules,
                new AllFigures(figures.get(figures.size() - 1), figures));
    }

    public long failedRules() {
        return rules.stream().filter(r -> !r.passed()).count();
    }
}
