package lab.client.judge;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import lab.client.support.Python;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The judge on the lab's own answers (answers/, asyncio + aiohttp): every reference passes the
 * steps it claims, and every classic wrong answer fails the step it should, by the rule it breaks,
 * with its message. A judge that passed everything would prove nothing; one that failed the
 * references would be wrong. The Python is provisioned by {@link Python}, never skipped.
 *
 * <p>Each step also runs the scenarios of the steps before it, so a reference judged at its last
 * step has passed the earlier ones too, but for gather's room-for-all scenario, judged apart.
 */
class JudgeAnswersTest {

    @ParameterizedTest(name = "{0} passes --step {1}")
    @CsvSource({
            "requests/gather.py,       gather",
            "requests/semaphore.py,    semaphore",
            "requests/as_completed.py, as-completed",
            "requests/retry.py,        retry",
            "requests/timeout.py,      timeout",
            "requests/timeout.py,      gather",
    })
    void aReferencePassesTheStepItClaims(String answer, String step) {
        JudgeRun run = python("requests", step, answer);
        assertThat(run.failures()).as("rules that did not hold for %s at %s", answer, step).isEmpty();
        assertThat(run.passed()).isTrue();
        assertThat(run.cli().exitCode()).isZero();
        assertThat(run.verdict().get("task").asText()).isEqualTo("requests");
        assertThat(run.verdict().get("step").asText()).isEqualTo(step);
    }

    @ParameterizedTest(name = "{0} fails --step {1}")
    @CsvSource(delimiter = '|', value = {
            "requests/gather.py                    | semaphore    | limit: no 429, never over the limit"
                    + "              | were rejected with 429: more than 10 were in flight",
            "requests/semaphore.py                 | as-completed | slow-last: each result printed as it arrives"
                    + "     | handed on the slowest id (2, 600 ms) at position 2 of 10",
            "requests/semaphore.py                 | as-completed | slow-last: the first line at about the fastest latency"
                    + " | results must be printed, and flushed, as they arrive",
            "requests/as_completed.py              | retry        | faults: every id ends 200"
                    + "                        | ids ended without a 200 although 8 retries were allowed",
            "requests/wrong/retries_whole_batch.py | retry        | faults: only what failed is sent again"
                    + "           | ids that had already succeeded were requested again",
            "requests/wrong/wait_walks_away.py     | timeout      | hang: no 429, never over the limit"
                    + "               | requests it had given up on still held their slots at the server",
    })
    void aWrongAnswerFailsTheStepItShouldWithItsMessage(String answer, String step, String rule, String message) {
        JudgeRun run = python("requests", step.strip(), answer.strip());
        assertThat(run.passed()).as("%s at %s", answer, step).isFalse();
        assertThat(run.cli().exitCode()).isEqualTo(1);
        assertThat(run.rule(rule.strip()).get("passed").asBoolean()).as("%s", run.failures()).isFalse();
        assertThat(run.rule(rule.strip()).get("message").asText()).contains(message.strip());
    }

    @Test
    void theSingleFlightCachePassesAndTheSeedsTwoMistakesAreCaught() {
        JudgeRun single = python("cache", null, "cache/single_flight.py");
        assertThat(single.failures()).isEmpty();
        assertThat(single.cli().exitCode()).isZero();
        assertThat(single.verdict().has("step")).as("cache has no steps").isFalse();

        JudgeRun unguarded = python("cache", null, "cache/wrong/check_then_load.py");
        assertThat(unguarded.cli().exitCode()).isEqualTo(1);
        assertThat(unguarded.rule("stampede: one upstream call per key").get("message").asText())
                .contains("40 upstream calls for 4 keys under 40 concurrent callers").contains("(the stampede)");

        JudgeRun locked = python("cache", null, "cache/wrong/lock_across_load.py");
        assertThat(locked.cli().exitCode()).isEqualTo(1);
        assertThat(locked.rule("stampede: one upstream call per key").get("passed").asBoolean())
                .as("the seed's lock does make one call per key").isTrue();
        assertThat(locked.rule("stampede: different keys load at the same time").get("message").asText())
                .contains("different keys waited for each other: at most 1 of 4 loads");
    }

    @Test
    void aJavaCandidateIsJudgedTheSameWay() {
        String java = ProcessHandle.current().info().command().orElseThrow();
        JudgeRun run = JudgeRun.of("requests", "--step", "as-completed", "--json", "--",
                java, JudgeRun.answer("java/AsCompleted.java").toString());
        assertThat(run.failures()).isEmpty();
        assertThat(run.cli().exitCode()).isZero();
    }

    private static JudgeRun python(String task, String step, String answer) {
        String python = Python.withAiohttp();
        Path file = JudgeRun.answer(answer);
        return step == null ? JudgeRun.of(task, "--json", "--", python, file.toString())
                : JudgeRun.of(task, "--step", step, "--json", "--", python, file.toString());
    }
}
