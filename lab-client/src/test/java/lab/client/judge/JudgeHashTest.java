package lab.client.judge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import lab.client.support.CliRun;
import lab.client.support.Python;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code judge hash} on the lab's own answers (answers/hash/, Python's standard library): both
 * references and the one-thread answer hold every rule about the table, and every other classic
 * wrong answer fails by the rule it breaks, with its message; the lab's own Java {@code sequential}
 * strategy, judged as a candidate's program, holds them too. Small tables (400 users at 10 000
 * iterations) keep each judge run to a few seconds; the crash scenario still kills each program
 * mid-batch.
 *
 * <p>"Uses the cores" is a ratio of two rates timed while the tests around it run, so no verdict of
 * it is asserted here, in either direction: a correct program's margin is its start-up and the
 * machine's load, and a one-thread program's is the judge's one-thread rate, which once read low
 * enough in CI to let one_thread.py pass at 400 users. Here the rule is checked for what the judge
 * must get right at any load (the bound, the efficiency and the verdict computed from the figures it
 * reports); its verdicts on a quiet machine are measured in docs/hashing.md.
 */
class JudgeHashTest {

    private static final String CORES = "run: uses the cores";
    private static final String[] SIZE = {"--users", "400", "--iterations", "10000"};

    /**
     * Every rule but one is a fact about the table, and holds. "Uses the cores" is a ratio of two
     * rates timed on this machine while the tests around it run, so here it is checked for what the
     * judge must get right whatever the load (the bound, the efficiency and the verdict computed from
     * the figures it reports); whether the references clear it is a measurement, and docs/hashing.md
     * gives the verdicts of runs on a quiet machine.
     */
    @ParameterizedTest(name = "{0} passes every rule about the table")
    @ValueSource(strings = {"hash/thread_pool.py", "hash/process_pool.py", "hash/wrong/one_thread.py"})
    void aReferencePassesEveryRuleAboutTheTable(String answer) {
        JudgeRun run = python(answer);
        assertThat(run.failures()).as("rules that did not hold for %s", answer)
                .allMatch(failure -> failure.startsWith(CORES + ": "));
        assertThat(run.cli().exitCode()).isEqualTo(run.passed() ? 0 : 1);
        assertThat(run.verdict().get("task").asText()).isEqualTo("hash");
        assertThat(run.rules()).hasSize(7);
        assertThat(run.verdict().get("figures").get("single_thread_of").asText()).contains("hashlib.pbkdf2_hmac");
        assertThat(run.verdict().get("figures").get("crash").get("lost_at_kill").asLong()).isZero();
        assertTheCoresRuleFollowsFromItsFigures(run);
    }

    private static void assertTheCoresRuleFollowsFromItsFigures(JudgeRun run) {
        JsonNode f = run.verdict().get("figures");
        int k = Math.min(f.get("workers").asInt(), f.get("cores").asInt());
        double efficiency = f.get("efficiency").asDouble();
        assertThat(f.get("single_thread_hps").asDouble()).isPositive();
        assertThat(f.get("bound_hps").asDouble()).isCloseTo(k * f.get("single_thread_hps").asDouble(), within(0.2));
        assertThat(efficiency).isCloseTo(f.get("hashes_per_s").asDouble() / f.get("bound_hps").asDouble(), within(0.002));
        assertThat(f.get("passes_at").asDouble()).isCloseTo(1 - 0.8 / k, within(0.001));
        JsonNode cores = run.rule(CORES);
        assertThat(cores.get("message").asText()).contains("of the bound").contains("one thread of");
        if (Math.abs(efficiency - f.get("passes_at").asDouble()) > 0.001) { // the JSON's figures are rounded
            assertThat(cores.get("passed").asBoolean()).as("%s", cores).isEqualTo(efficiency > f.get("passes_at").asDouble());
        }
    }

    @ParameterizedTest(name = "{0} is caught by {1}")
    @CsvSource(delimiter = '|', value = {
            "hash/wrong/clears_first.py    | " + "crash: crash-safe (nothing lost at the kill, none hashed twice, each from its own plaintext)"
                    + " | rows had neither plaintext nor hash when it was killed: their passwords are lost",
            "hash/wrong/keeps_plaintext.py | run: no plaintext left                           | of 400 rows still hold their plaintext",
            "hash/wrong/seed_snippet.py    | crash: killed mid-run, then run again to the end | no moment to kill it at with work saved and work left",
    })
    void aWrongAnswerIsCaughtByItsRuleWithItsMessage(String answer, String rule, String message) {
        JudgeRun run = python(answer.strip());
        assertThat(run.passed()).as("%s", answer).isFalse();
        assertThat(run.cli().exitCode()).isEqualTo(1);
        assertThat(run.rule(rule.strip()).get("passed").asBoolean()).as("%s", run.failures()).isFalse();
        assertThat(run.rule(rule.strip()).get("message").asText()).contains(message.strip());
    }

    @Test
    void theLabsOwnSequentialStrategyIsJudgedLikeACandidatesProgram() {
        // hash migrate reads LAB_DB, LAB_ITERATIONS and LAB_WORKERS; its summary goes to stderr, as the judge asks.
        List<String> command = new ArrayList<>(List.of("sh", "-c", "exec \"$@\" >&2", "sh",
                ProcessHandle.current().info().command().orElseThrow(), "--enable-native-access=ALL-UNNAMED",
                "-cp", System.getProperty("java.class.path"), "lab.client.LabClient",
                "hash", "migrate", "--strategy", "sequential", "--batch", "50", "--engine", "pads", "--calibration", "100ms"));
        JudgeRun run = judge(command);
        assertThat(run.failures()).as("only one thread: it may fail on the cores alone")
                .allMatch(failure -> failure.startsWith(CORES + ": "));
        assertTheCoresRuleFollowsFromItsFigures(run);
        assertThat(run.rule("crash: crash-safe (nothing lost at the kill, none hashed twice, each from its own plaintext)")
                .get("passed").asBoolean()).isTrue();
        assertThat(run.verdict().get("figures").get("single_thread_of").asText()).contains("the JDK's PBKDF2");
    }

    @Test
    void aProgramThatPrintsALineIsKilledAndTheRuleNamesTheLine() {
        JudgeRun run = judge(List.of("sh", "-c", "echo hashing everything now; sleep 30"));
        assertThat(run.cli().exitCode()).isEqualTo(1);
        assertThat(run.rule("run: ran to completion").get("message").asText())
                .contains("printed a line it should not, 'hashing everything now'").contains("print progress and logs on stderr");
        assertThat(run.rule("run: uses the cores").get("message").asText()).startsWith("not judged");
    }

    @Test
    void badUsageIsOneLineAndExitTwo() {
        CliRun tooFew = CliRun.of("judge", "hash", "--users", "5", "--", "true");
        assertThat(tooFew.exitCode()).isEqualTo(2);
        assertThat(tooFew.errLines()).hasSize(1).first().asString().contains("bad --users 5: use 10 to 1000000");

        CliRun missing = CliRun.of("judge", "hash", "--users", "10", "--", "no-such-program-here");
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("cannot run no-such-program-here");
    }

    private static JudgeRun python(String answer) {
        return judge(List.of(Python.withAiohttp(), JudgeRun.answer(answer).toString()));
    }

    private static JudgeRun judge(List<String> command) {
        List<String> args = new ArrayList<>(List.of("hash"));
        args.addAll(List.of(SIZE));
        args.add("--json");
        args.add("--");
        args.addAll(command);
        return JudgeRun.of(args.toArray(String[]::new));
    }
}
