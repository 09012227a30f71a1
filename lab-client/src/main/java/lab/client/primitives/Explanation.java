package lab.client.primitives;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The answer to "why does the naive solution break?", for {@code primitives --explain}: the
 * interleaving that Lincheck's model checker printed when it caught the naive solution. Those are
 * kept as resources, recorded from real Lincheck runs by the model-checking tests
 * ({@code *LincheckTest} in lab-client's tests), which compare them with what Lincheck prints on
 * every test run; nothing here runs Lincheck or writes an interleaving by hand.
 *
 * @param exercise      the exercise's command-line name
 * @param modelChecked  whether the model-checking tests cover the exercise
 * @param interleavings what the model checker found, the naive solution's first
 */
public record Explanation(String exercise, String invariant, String naive, boolean modelChecked,
                          List<Interleaving> interleavings) {

    /**
     * One interleaving Lincheck found.
     *
     * @param caught   the implementation it caught, and what it did wrong, in a sentence
     * @param recorded who recorded the report, with which Lincheck and JDK
     * @param report   Lincheck's report: the results no sequential order explains, then the interleaving
     */
    public record Interleaving(String caught, String recorded, String report) {
    }

    private static final String FOLDER = "interleavings/";

    /** Per exercise: resource name, then the sentence saying what it shows; in the order shown. */
    private static final Map<ExerciseName, List<String[]>> FOUND = Map.of(
            ExerciseName.EVENT, List.<String[]>of(new String[] {"event.txt",
                    "The naive gate (Semaphore(0) opened with release(getQueueLength())) gives one permit per worker"
                            + " queued when it opens: here it counted Thread 2, a worker arriving just then (Thread 1) took"
                            + " that permit first (a Semaphore lets a newcomer barge past the queue), and Thread 2 waits for"
                            + " ever at an open gate."}),
            ExerciseName.CONDITION, List.<String[]>of(new String[] {"condition.txt",
                    "With await() in an if, a consumer woken by the put does not look again: the other consumer took the"
                            + " item first, and this one takes from an empty buffer (take() comes back with null)."}),
            ExerciseName.BOUNDED_SEMAPHORE, List.of(new String[] {"bounded-semaphore.txt",
                    "java.util.concurrent.Semaphore takes a release with no permit out (release(): true) and the limit"
                            + " grows; no interleaving is even needed."},
                    new String[] {"bounded-semaphore-two-counters.txt",
                            "The lab's first BoundedSemaphore (a Semaphore plus a second counter of permits out, lowered"
                                    + " before the permit goes back), which 200 stress rounds never caught: in the instant"
                                    + " between its two updates a release is refused as if none were out, and a tryAcquire"
                                    + " then fails as if all were."}));

    public static Explanation of(ExerciseName name) {
        Exercise exercise = name.create(Duration.ofMillis(200)); // only its texts are read: nothing runs
        List<Interleaving> found = new ArrayList<>();
        for (String[] entry : FOUND.getOrDefault(name, List.of())) {
            String text = resource(entry[0]);
            int firstLineEnd = text.indexOf('\n');
            found.add(new Interleaving(entry[1], text.substring(0, firstLineEnd).replaceFirst("^# ", ""),
                    text.substring(firstLineEnd + 1)));
        }
        return new Explanation(name.cliName(), exercise.invariant(), exercise.naive(), !found.isEmpty(), found);
    }

    private static String resource(String name) {
        try (InputStream in = Explanation.class.getResourceAsStream(FOLDER + name)) {
            if (in == null) {
                throw new IllegalStateException("the recorded interleaving " + FOLDER + name + " is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
