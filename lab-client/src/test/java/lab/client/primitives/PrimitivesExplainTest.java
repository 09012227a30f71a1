package lab.client.primitives;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import lab.client.cli.Json;
import lab.client.support.CliRun;
import org.junit.jupiter.api.Test;

/** {@code primitives --explain}: the interleavings Lincheck found, as the model-checking tests recorded them. */
class PrimitivesExplainTest {

    @Test
    void explainShowsTheInterleavingTheModelCheckerFoundForTheNaiveBuffer() {
        CliRun run = CliRun.of("primitives", "--exercise", "condition", "--explain");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("why does the naive solution break?", "await() in an if",
                "Recorded from a real Lincheck run by BoundedBufferLincheckTest",
                "= Invalid execution results =", "The following interleaving leads to the error:", "take(): null");
    }

    @Test
    void theSemaphoreExplanationAlsoShowsTheTwoCountersThatStressNeverCaught() {
        CliRun run = CliRun.of("primitives", "--exercise", "bounded-semaphore", "--explain", "--json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode json = readJson(run);
        assertThat(json.get("model_checked").asBoolean()).isTrue();
        assertThat(json.get("interleavings")).hasSize(2);
        assertThat(json.get("interleavings").get(1).get("report").asText())
                .contains("TwoCounterSemaphore.release", "release(): false", "tryAcquire(): false");
    }

    @Test
    void theBarrierSaysItIsNotModelChecked() {
        CliRun run = CliRun.of("primitives", "--exercise", "barrier", "--explain");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Not model-checked").doesNotContain("interleaving leads to the error");
    }

    private static JsonNode readJson(CliRun run) {
        try {
            return Json.MAPPER.readTree(run.out());
        } catch (Exception e) {
            throw new AssertionError("not one JSON object: " + run.out(), e);
        }
    }
}
