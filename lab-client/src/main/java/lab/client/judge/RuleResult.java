package lab.client.judge;

import java.util.List;

/**
 * One rule of a verdict: its name, whether it held, and why (the complaint when it did not, the
 * figures that show it when it did).
 */
public record RuleResult(String rule, boolean passed, String message) {

    /** Held when there are no complaints; the complaints joined are its message otherwise. */
    public static RuleResult of(String rule, List<String> complaints, String whenHeld) {
        return complaints.isEmpty() ? new RuleResult(rule, true, whenHeld)
                : new RuleResult(rule, false, String.join("; ", complaints));
    }

    /** A rule that could not be judged because the run it needs did not finish. */
    public static RuleResult notJudged(String rule) {
        return new RuleResult(rule, false, "not judged: the program did not run to completion in this scenario");
    }
}
