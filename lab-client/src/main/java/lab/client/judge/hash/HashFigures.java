package lab.client.judge.hash;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The figures of a {@code judge hash} run, each next to its bound. Times in milliseconds.
 *
 * @param users            rows seeded in each table
 * @param iterations       {@code LAB_ITERATIONS}, the PBKDF2 cost asked for
 * @param workers          {@code LAB_WORKERS}, the cores the program was told to use
 * @param cores            the machine's cores
 * @param wallMs           the first run, from the program's start to its exit (its start-up included)
 * @param firstSavedMs     from its start to the first row the judge saw saved, -1 if none
 * @param hashed           rows of the first run that verify against their own plaintext
 * @param hashesPerS       {@code hashed} over {@code wall_ms}
 * @param singleThreadHps  one thread's rate of the same PBKDF2 at the same cost, measured by the judge after the run
 * @param singleThreadOf   which implementation that rate is of
 * @param boundHps         {@code min(workers, cores) x single_thread_hps}
 * @param efficiency       {@code hashes_per_s / bound_hps}
 * @param passesAt         the efficiency at which "uses the cores" passes
 * @param verifyMs         the judge's check of the first run's rows
 * @param crash            the crash scenario's figures, null when it was not run
 * @param judgeMs          the whole judge run
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record HashFigures(long users, int iterations, int workers, int cores, double wallMs, double firstSavedMs, long hashed,
                          double hashesPerS, double singleThreadHps, String singleThreadOf, double boundHps, double efficiency,
                          double passesAt, long verifyMs, Crash crash, long judgeMs) {

    /**
     * @param killedAfterMs   from the program's start to the judge's SIGKILL, -1 if it was not killed
     * @param savedAtKill     rows holding a hash once it was dead
     * @param lostAtKill      rows with neither plaintext nor hash once it was dead
     * @param rerunMs         the rerun, start to exit, -1 if there was none
     * @param rehashed        rows whose hash at the kill was replaced by the rerun
     * @param verifiedAfter   rows that verify against their own plaintext after the rerun
     */
    public record Crash(double killedAfterMs, long savedAtKill, long lostAtKill, double rerunMs, long rehashed, long verifiedAfter) {
    }
}
