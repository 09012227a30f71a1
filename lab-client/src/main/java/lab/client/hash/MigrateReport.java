package lab.client.hash;

import java.util.Map;

/**
 * What {@code hash migrate --json} prints: the contract's fields ({@code strategy} to
 * {@code efficiency}), then the run's context. {@code hashed} counts the rows this run wrote;
 * {@code bound_hps} is {@code min(workers, cores) x single_thread_hps}; heap figures are in MiB;
 * {@code startup_ms} is the time to start the workers before the clock (child JVMs started and warmed
 * up for {@code processes}), not part of {@code wall_ms}. {@code batch} is the batch run, which on
 * PostgreSQL may be cut to fit the claim timeout.
 */
public record MigrateReport(String strategy, int workers, String algorithm, long hashed, long wallMs, double hashesPerS,
                            double singleThreadHps, int cores, double boundHps, double efficiency,
                            String db, int batch, int iterations, Integer memoryKib, Integer parallelism,
                            String pbkdf2Engine, Map<String, Double> engineHps, long pendingBefore, long pendingAfter,
                            long batches, double peakHeapMb, double liveHeapAfterGcMb, long maxHeapMb,
                            long startupMs) {
}
