package lab.client.requests;

import lab.server.stats.Percentiles;

/**
 * The {@code requests --json} object: the contract's fields first, then the lab's additions.
 * {@code rejected} counts the 429s the client saw, {@code retried} the extra attempts;
 * {@code boundMs} is the best wall time for the same work from the server's stats
 * ({@code max(service_ms_sum / limit, service_ms_max)}) and {@code efficiency} is bound over wall.
 * {@code firstWaveFastestServiceMs}, the fastest service time drawn for the first C ids, is the
 * bound of {@code ttfrMs}: no strategy can hand on a result sooner. {@code clientCpuMsPerRequest} and
 * {@code clientAllocKbPerRequest} are this process's CPU time and heap allocation (every thread's)
 * during the measured run, per attempt.
 */
public record RequestsReport(
        String strategy, int requests, int ok, int failed, long rejected, long retried,
        double wallMs, double throughputRps, double ttfrMs, Percentiles latencyMs, double boundMs, double efficiency,
        String impl, int concurrency, int limit, long serverAccepted, long serverRejected, int serverMaxInFlight,
        double fastestLatencyMs, double firstWaveFastestServiceMs,
        double throughputBoundRps, double clientCpuMsPerRequest, Integer foundLimit, double clientAllocKbPerRequest) {

    /** A report filled by name (see {@link RequestRun}). */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Fills a RequestsReport by name, so each figure is named where it is computed. Every component
     * must be given, even the ones that may be null: {@link #build} names any that was forgotten,
     * instead of letting it pass as a 0.
     */
    public static final class Builder {

        private final java.util.Set<String> given = new java.util.HashSet<>();
        private String strategy;
        private int requests;
        private int ok;
        private int failed;
        private long rejected;
        private long retried;
        private double wallMs;
        private double throughputRps;
        private double ttfrMs;
        private Percentiles latencyMs;
        private double boundMs;
        private double efficiency;
        private String impl;
        private int concurrency;
        private int limit;
        private long serverAccepted;
        private long serverRejected;
        private int serverMaxInFlight;
        private double fastestLatencyMs;
        private double firstWaveFastestServiceMs;
        private double throughputBoundRps;
        private double clientCpuMsPerRequest;
        private Integer foundLimit;
        private double clientAllocKbPerRequest;

        private Builder() {
        }

        public Builder strategy(String value) {
            strategy = value;
            given.add("strategy");
            return this;
        }

        public Builder requests(int value) {
            requests = value;
            given.add("requests");
            return this;
        }

        public Builder ok(int value) {
            ok = value;
            given.add("ok");
            return this;
        }

        public Builder failed(int value) {
            failed = value;
            given.add("failed");
            return this;
        }

        public Builder rejected(long value) {
            rejected = value;
            given.add("rejected");
            return this;
        }

        public Builder retried(long value) {
            retried = value;
            given.add("retried");
            return this;
        }

        public Builder wallMs(double value) {
            wallMs = value;
            given.add("wallMs");
            return this;
        }

        public Builder throughputRps(double value) {
            throughputRps = value;
            given.add("throughputRps");
            return this;
        }

        public Builder ttfrMs(double value) {
            ttfrMs = value;
            given.add("ttfrMs");
            return this;
        }

        public Builder latencyMs(Percentiles value) {
            latencyMs = value;
            given.add("latencyMs");
            return this;
        }

        public Builder boundMs(double value) {
            boundMs = value;
            given.add("boundMs");
            return this;
        }

        public Builder efficiency(double value) {
            efficiency = value;
            given.add("efficiency");
            return this;
        }

        public Builder impl(String value) {
            impl = value;
            given.add("impl");
            return this;
        }

        public Builder concurrency(int value) {
            concurrency = value;
            given.add("concurrency");
            return this;
        }

        public Builder limit(int value) {
            limit = value;
            given.add("limit");
            return this;
        }

        public Builder serverAccepted(long value) {
            serverAccepted = value;
            given.add("serverAccepted");
            return this;
        }

        public Builder serverRejected(long value) {
            serverRejected = value;
            given.add("serverRejected");
            return this;
        }

        public Builder serverMaxInFlight(int value) {
            serverMaxInFlight = value;
            given.add("serverMaxInFlight");
            return this;
        }

        public Builder fastestLatencyMs(double value) {
            fastestLatencyMs = value;
            given.add("fastestLatencyMs");
            return this;
        }

        public Builder firstWaveFastestServiceMs(double value) {
            firstWaveFastestServiceMs = value;
            given.add("firstWaveFastestServiceMs");
            return this;
        }

        public Builder throughputBoundRps(double value) {
            throughputBoundRps = value;
            given.add("throughputBoundRps");
            return this;
        }

        public Builder clientCpuMsPerRequest(double value) {
            clientCpuMsPerRequest = value;
            given.add("clientCpuMsPerRequest");
            return this;
        }

        public Builder foundLimit(Integer value) {
            foundLimit = value;
            given.add("foundLimit");
            return this;
        }

        public Builder clientAllocKbPerRequest(double value) {
            clientAllocKbPerRequest = value;
            given.add("clientAllocKbPerRequest");
            return this;
        }

        /** The report; fails naming the components never given. */
        public RequestsReport build() {
            java.util.List<String> missing = java.util.stream.Stream.of("strategy", "requests", "ok", "failed", "rejected", "retried", "wallMs", "throughputRps", "ttfrMs", "latencyMs", "boundMs", "efficiency", "impl", "concurrency", "limit", "serverAccepted", "serverRejected", "serverMaxInFlight", "fastestLatencyMs", "firstWaveFastestServiceMs", "throughputBoundRps", "clientCpuMsPerRequest", "foundLimit", "clientAllocKbPerRequest")
                    .filter(name -> !given.contains(name)).toList();
            if (!missing.isEmpty()) {
                throw new IllegalStateException("RequestsReport without " + String.join(", ", missing));
            }
            return new RequestsReport(strategy, requests, ok, failed, rejected, retried, wallMs, throughputRps,
                    ttfrMs, latencyMs, boundMs, efficiency, impl, concurrency, limit, serverAccepted, serverRejected,
                    serverMaxInFlight, fastestLatencyMs, firstWaveFastestServiceMs, throughputBoundRps,
                    clientCpuMsPerRequest, foundLimit, clientAllocKbPerRequest);
        }
    }
}
