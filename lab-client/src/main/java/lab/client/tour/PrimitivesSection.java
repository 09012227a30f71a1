package lab.client.tour;

import java.io.PrintWriter;
import java.time.Duration;
import lab.client.cli.Progress;
import lab.client.cli.Table;
import lab.client.primitives.ExerciseName;
import lab.client.primitives.PrimitivesResult;
import lab.client.primitives.Stress;

/** The seed's to-do list: one exercise per primitive, reference and naive side by side under stress. */
final class PrimitivesSection implements TourSection {

    private static final int ROUNDS = 20;
    private static final Duration TIME_LIMIT = Duration.ofSeconds(20);
    private static final Duration STUCK_AFTER = Duration.ofMillis(200);
    private static final long SEED = 42;

    @Override
    public String title() {
        return "primitives: Event, Condition, BoundedSemaphore, Barrier, " + ROUNDS + " stressed rounds each";
    }

    @Override
    public void run(TourContext context, PrintWriter out) throws InterruptedException {
        Table table = new Table("exercise", "asyncio", "java.util.concurrent", "rounds", "reference broke it",
                "naive broke it", "wall ms");
        for (ExerciseName exercise : ExerciseName.values()) {
            PrimitivesResult r = Stress.run(exercise, ROUNDS, TIME_LIMIT, STUCK_AFTER, SEED, Progress.silent());
            table.row(r.exercise(), r.asyncioPrimitive(), shortName(r.javaCounterpart()), r.rounds(), r.referenceViolations(),
                    r.naiveViolations(), Math.round(r.wallMs()));
        }
        out.print(table);
        out.println("  the bound for the reference is 0 violations; each invariant and the differences from asyncio"
                + " are printed by lab-client primitives --exercise NAME (and docs/primitives.md).");
    }

    /** The class alone, for a table: "java.util.concurrent.CountDownLatch (count 1)" is CountDownLatch. */
    private static String shortName(String counterpart) {
        if (counterpart.startsWith("none")) {
            return "none: written by hand";
        }
        String head = counterpart.split(" ")[0];
        return head.substring(head.lastIndexOf('.') + 1);
    }
}
