package lab.client.primitives;

/**
 * One exercise's stress run, as {@code primitives --json} prints it.
 *
 * @param rounds             rounds run, each once per side (fewer than asked if the time limit came first)
 * @param referenceViolations rounds in which the reference solution broke the invariant (the bound: 0)
 * @param naiveViolations    rounds in which the naive solution broke it
 * @param stuckAfterMs       how long a round may run before a worker still blocked counts as stuck
 */
public record PrimitivesResult(String exercise, String invariant, int rounds, int referenceViolations,
                               int naiveViolations, double wallMs, String asyncioPrimitive, String javaCounterpart,
                               String reference, String naive, int roundsAsked, long stuckAfterMs, long seed) {
}
