package lab.client.tour;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import lab.client.requests.Strategies;
import lab.client.support.CliRun;
import org.junit.jupiter.api.Test;

/** The quick start's first command, as a new user runs it: every section prints, nothing is left behind. */
class TourCommandTest {

    @Test
    void theTourRunsEveryTaskAndCleansUp() {
        CliRun run = CliRun.of("tour");

        assertThat(run.exitCode()).as(run.err()).isZero();
        for (TourSection section : TourCommand.sections()) {
            assertThat(run.out()).contains("== " + section.title());
        }
        for (String strategy : Strategies.NAMES) {
            assertThat(run.out()).containsPattern("(?m)^  " + strategy + " +" + Strategies.defaultFamily().word() + " +\\d+/\\d+");
        }
        for (String strategy : new String[] {"sequential", "threads", "virtual", "processes"}) {
            // hash: every one of the 1000 users hashed, none left in plaintext
            assertThat(run.out()).containsPattern("(?m)^  " + strategy + " +\\d+ +1000 +0 ");
        }
        assertThat(run.out()).contains("tour done in");
        String folder = run.out().replaceAll("(?s).*work folder (\\S+).*", "$1");
        assertThat(Files.exists(Path.of(folder))).as("the tour's work folder " + folder + " was deleted").isFalse();
    }
}
