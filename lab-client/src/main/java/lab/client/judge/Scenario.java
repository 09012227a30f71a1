package lab.client.judge;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One run of the program against a lab-server set up to test something: the server's limit,
 * latency, fault rate and scripted ids, the environment the program gets ({@code LAB_URL} is added
 * when the server is up), which lines it may print, and the rules its run is judged by.
 *
 * @param name        short, used in rule names ({@code limit: no 429})
 * @param what        one sentence: what the scenario asks
 * @param ids         how many ids (requests) or callers (cache) the program is given
 * @param limit       the server's hard limit
 * @param latency     the server's latency model, as {@code --latency} takes it
 * @param faultRate   the server's fault rate
 * @param script      scripted ids: id to fate ({@code fail:hang})
 * @param environment the program's {@code LAB_*} variables but {@code LAB_URL}
 * @param lines       which stdout lines are allowed
 * @param judgement   the rules, judged on the run once it is over
 */
public record Scenario(String name, String what, int ids, int limit, String latency, double faultRate,
                       Map<String, String> script, Map<String, String> environment, ProgramRun.LineCheck lines,
                       Judgement judgement) {

    /** Judges a finished, clean run; returns one result per rule. */
    @FunctionalInterface
    public interface Judgement {
        List<RuleResult> judge(Observation observed);
    }

    public Scenario {
        Objects.requireNonNull(name, "name");
        script = Map.copyOf(script);
        environment = Map.copyOf(environment);
    }
}
