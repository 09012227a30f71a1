package lab.client.primitives;

import java.time.Duration;
import java.util.function.Function;

/** The exercises of the {@code primitives} command, by their command-line names. */
public enum ExerciseName {
    EVENT("event", StartGateExercise::new),
    CONDITION("condition", BoundedBufferExercise::new),
    BOUNDED_SEMAPHORE("bounded-semaphore", ConnectionPoolExercise::new),
    BARRIER("barrier", PhasedWorkExercise::new);

    private final String cliName;
    private final Function<Duration, Exercise> factory;

    ExerciseName(String cliName, Function<Duration, Exercise> factory) {
        this.cliName = cliName;
        this.factory = factory;
    }

    /** @param stuckAfter how long a round may run before its still-blocked workers count as stuck */
    public Exercise create(Duration stuckAfter) {
        return factory.apply(stuckAfter);
    }

    public String cliName() {
        return cliName;
    }

    @Override
    public String toString() {
        return cliName;
    }
}
