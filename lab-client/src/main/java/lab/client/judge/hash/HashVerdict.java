package lab.client.judge.hash;

import java.util.List;
import lab.client.judge.RuleResult;

/**
 * What {@code judge hash} says about a program; {@code --json} prints exactly this: {@code task}
 * ("hash"), {@code passed}, {@code program}, {@code rules} [{@code rule}, {@code passed},
 * {@code message}] and {@code figures}.
 */
public record HashVerdict(String task, boolean passed, List<String> program, List<RuleResult> rules, HashFigures figures) {

    static HashVerdict of(List<String> program, List<RuleResult> rules, HashFigures figures) {
        return new HashVerdict("hash", rules.stream().allMatch(RuleResult::passed), List.copyOf(program), List.copyOf(rules), figures);
    }

    public long failedRules() {
        return rules.stream().filter(r -> !r.passed()).count();
    }
}
