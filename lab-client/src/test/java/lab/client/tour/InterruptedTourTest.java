package lab.client.tour;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import lab.server.support.Await;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A tour stopped half-way (Ctrl-C, a kill) still deletes its work folder. */
class InterruptedTourTest {

    @TempDir
    Path tmp;

    @Test
    void aTourStoppedMidwayLeavesNoWorkFolder() throws Exception {
        Path out = tmp.resolve("out.txt");
        Path temp = Files.createDirectories(tmp.resolve("tmp"));
        Process tour = new ProcessBuilder(ProcessHandle.current().info().command().orElseThrow(),
                "--enable-native-access=ALL-UNNAMED", "-Djava.io.tmpdir=" + temp,
                "-cp", System.getProperty("java.class.path"), "lab.client.LabClient", "tour")
                .redirectOutput(out.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            Await.require("the tour has made its work folder", () -> folders(temp).size() == 1);
            assertThat(tour.isAlive()).as("the tour is still running when it is stopped").isTrue();

            tour.destroy(); // SIGTERM: what a kill or a closed terminal sends; Ctrl-C's SIGINT runs the same hooks

            assertThat(tour.waitFor(60, TimeUnit.SECONDS)).as("the tour ended after SIGTERM").isTrue();
            assertThat(folders(temp)).as("work folders left in %s", temp).isEmpty();
        } finally {
            tour.destroyForcibly();
        }
    }

    private static List<Path> folders(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().startsWith("lab-tour-")).toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
