package lab.client.support;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * An interleaving that Lincheck printed for a deliberately wrong implementation, kept in the source
 * tree so that {@code primitives --explain} and the docs can show it without running Lincheck. The
 * test that caught the wrong implementation compares what Lincheck prints now with the kept copy,
 * so the copy is never typed by hand and never goes stale: when the code moves, the test fails and
 * says how to record it anew ({@value #RECORD_PROPERTY}=true writes it).
 *
 * <p>The first line says who recorded it, with which Lincheck and JDK. The trace names lines of the
 * JDK's own classes (AbstractQueuedSynchronizer, Semaphore), so on another JDK only the part before
 * the interleaving (the results no sequential order explains) has to match.
 */
public final class RecordedInterleaving {

    public static final String RECORD_PROPERTY = "lab.lincheck.record";
    private static final String RECORD_COMMAND = "./mvnw -pl lab-client -am test -Dtest='*LincheckTest'"
            + " -Dsurefire.failIfNoSpecifiedTests=false -D" + RECORD_PROPERTY + "=true";

    private final Path file;

    private RecordedInterleaving(Path file) {
        this.file = file;
    }

    /** A kept interleaving under lab-client's main resources, e.g. {@code lab/client/primitives/interleavings/condition.txt}. */
    public static RecordedInterleaving at(String resource) {
        return new RecordedInterleaving(Path.of("src/main/resources").resolve(resource));
    }

    /** Checks (or, when recording, writes) the kept copy of {@code report}, Lincheck's short report. */
    public void matches(String report, Class<?> recordedBy) {
        String header = "# Recorded from a real Lincheck run by " + recordedBy.getSimpleName() + " (Lincheck "
                + ModelCheck.lincheckVersion() + ", JDK " + Runtime.version() + "); " + RECORD_COMMAND + " records it anew.\n";
        if (Boolean.getBoolean(RECORD_PROPERTY)) {
            write(header + report);
            return;
        }
        if (!Files.exists(file)) {
            fail("no recorded interleaving at " + file + ": record it with " + RECORD_COMMAND);
        }
        String kept = read();
        String keptHeader = kept.substring(0, kept.indexOf('\n') + 1);
        String keptReport = kept.substring(keptHeader.length());
        boolean sameTools = keptHeader.equals(header);
        String expected = sameTools ? report : resultsPart(report);
        String actual = sameTools ? keptReport : resultsPart(keptReport);
        if (!expected.equals(actual)) {
            fail("the interleaving kept in " + file + " is not what Lincheck prints now; record it anew with "
                    + RECORD_COMMAND + "\n--- Lincheck now ---\n" + report);
        }
    }

    private static String resultsPart(String report) {
        int at = report.indexOf(ModelCheck.INTERLEAVING_HEADING);
        return at < 0 ? report : report.substring(0, at);
    }

    private String read() {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void write(String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
