package lab.client.primitives;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import lab.client.cli.Json;
import lab.client.support.CliRun;
import org.junit.jupiter.api.Test;

class PrimitivesCommandTest {

    @Test
    void printsOneJsonObjectWithTheContractsFields() throws Exception {
        CliRun run = CliRun.of("primitives", "--exercise", "bounded-semaphore", "--rounds", "5", "--json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out().lines()).as("stdout lines").hasSize(1);
        JsonNode json = Json.MAPPER.readTree(run.out());
        assertThat(json.get("exercise").asText()).isEqualTo("bounded-semaphore");
        assertThat(json.get("invariant").asText()).contains("never more than 3 connections in use");
        assertThat(json.get("rounds").asInt()).isEqualTo(5);
        assertThat(json.get("reference_violations").asInt()).isZero();
        // The naive side's interleaving is forced: it breaks the invariant in every round, or the exercise shows nothing.
        assertThat(json.get("naive_violations").asInt()).isEqualTo(5);
        assertThat(json.get("wall_ms").asDouble()).isPositive();
        assertThat(json.get("java_counterpart").asText()).contains("Semaphore");
    }

    @Test
    void badExerciseIsOneLineAndExitCode2() {
        CliRun run = CliRun.of("primitives", "--exercise", "mutex");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().lines()).hasSize(1);
        assertThat(run.err()).contains("bad --exercise 'mutex': use event, condition, bounded-semaphore, barrier");
    }
}
