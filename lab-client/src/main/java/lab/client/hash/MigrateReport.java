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

    /** A report filled by name (see {@link Migration}). */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Fills a MigrateReport by name, so each figure is named where it is computed. Every component
     * must be given, even the ones that may be null: {@link #build} names any that was forgotten,
     * instead of letting it pass as a 0.
     */
    public static final class Builder {

        private final java.util.Set<String> given = new java.util.HashSet<>();
        private String strategy;
        private int workers;
        private String algorithm;
        private long hashed;
        private long wallMs;
        private double hashesPerS;
        private double singleThreadHps;
        private int cores;
        private double boundHps;
        private double efficiency;
        private String db;
        private int batch;
        private int iterations;
        private Integer memoryKib;
        private Integer parallelism;
        private String pbkdf2Engine;
        private Map<String, Double> engineHps;
        private long pendingBefore;
        private long pendingAfter;
        private long batches;
        private double peakHeapMb;
        private double liveHeapAfterGcMb;
        private long maxHeapMb;
        private long startupMs;

        private Builder() {
        }

        public Builder strategy(String value) {
            strategy = value;
            given.add("strategy");
            return this;
        }

        public Builder workers(int value) {
            workers = value;
            given.add("workers");
            return this;
        }

        public Builder algorithm(String value) {
            algorithm = value;
            given.add("algorithm");
            return this;
        }

        public Builder hashed(long value) {
            hashed = value;
            given.add("hashed");
            return this;
        }

        public Builder wallMs(long value) {
            wallMs = value;
            given.add("wallMs");
            return this;
        }

        public Builder hashesPerS(double value) {
            hashesPerS = value;
            given.add("hashesPerS");
            return this;
        }

        public Builder singleThreadHps(double value) {
            singleThreadHps = value;
            given.add("singleThreadHps");
            return this;
        }

        public Builder cores(int value) {
            cores = value;
            given.add("cores");
            return this;
        }

        public Builder boundHps(double value) {
            boundHps = value;
            given.add("boundHps");
            return this;
        }

        public Builder efficiency(double value) {
            efficiency = value;
            given.add("efficiency");
            return this;
        }

        public Builder db(String value) {
            db = value;
            given.add("db");
            return this;
        }

        public Builder batch(int value) {
            batch = value;
            given.add("batch");
            return this;
        }

        public Builder iterations(int value) {
            iterations = value;
            given.add("iterations");
            return this;
        }

        public Builder memoryKib(Integer value) {
            memoryKib = value;
            given.add("memoryKib");
            return this;
        }

        public Builder parallelism(Integer value) {
            parallelism = value;
            given.add("parallelism");
            return this;
        }

        public Builder pbkdf2Engine(String value) {
            pbkdf2Engine = value;
            given.add("pbkdf2Engine");
            return this;
        }

        public Builder engineHps(Map<String, Double> value) {
            engineHps = value;
            given.add("engineHps");
            return this;
        }

        public Builder pendingBefore(long value) {
            pendingBefore = value;
            given.add("pendingBefore");
            return this;
        }

        public Builder pendingAfter(long value) {
            pendingAfter = value;
            given.add("pendingAfter");
            return this;
        }

        public Builder batches(long value) {
            batches = value;
            given.add("batches");
            return this;
        }

        public Builder peakHeapMb(double value) {
            peakHeapMb = value;
            given.add("peakHeapMb");
            return this;
        }

        public Builder liveHeapAfterGcMb(double value) {
            liveHeapAfterGcMb = value;
            given.add("liveHeapAfterGcMb");
            return this;
        }

        public Builder maxHeapMb(long value) {
            maxHeapMb = value;
            given.add("maxHeapMb");
            return this;
        }

        public Builder startupMs(long value) {
            startupMs = value;
            given.add("startupMs");
            return this;
        }

        /** The report; fails naming the components never given. */
        public MigrateReport build() {
            java.util.List<String> missing = java.util.stream.Stream.of("strategy", "workers", "algorithm", "hashed", "wallMs", "hashesPerS", "singleThreadHps", "cores", "boundHps", "efficiency", "db", "batch", "iterations", "memoryKib", "parallelism", "pbkdf2Engine", "engineHps", "pendingBefore", "pendingAfter", "batches", "peakHeapMb", "liveHeapAfterGcMb", "maxHeapMb", "startupMs")
                    .filter(name -> !given.contains(name)).toList();
            if (!missing.isEmpty()) {
                throw new IllegalStateException("MigrateReport without " + String.join(", ", missing));
            }
            return new MigrateReport(strategy, workers, algorithm, hashed, wallMs, hashesPerS, singleThreadHps,
                    cores, boundHps, efficiency, db, batch, iterations, memoryKib, parallelism, pbkdf2Engine,
                    engineHps, pendingBefore, pendingAfter, batches, peakHeapMb, liveHeapAfterGcMb, maxHeapMb,
                    startupMs);
        }
    }
}
