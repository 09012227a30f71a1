package lab.client.requests;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import lab.client.api.LabApi;
import lab.server.stats.ServerStats;
import lab.client.cli.Progress;
import lab.server.stats.Percentiles;
import lab.client.requests.call.ItemClient;
import lab.client.requests.strategy.RequestStrategy;
import lab.client.requests.strategy.Result;
import lab.client.requests.strategy.ResultSink;
import lab.client.requests.strategy.Settings;
import lab.client.requests.virtual.Adaptive;
import org.HdrHistogram.Histogram;

/**
 * One measured run of a strategy: zero the server's figures, warm the client's connections (a
 * long-lived client has them; a cold JVM's first request costs more than a wave of service), call
 * ids {@code 1..N}, watch what the strategy hands on (when, and how long each took), then read the
 * server's figures, the judge, and put the result next to its bound.
 */
public final class RequestRun {

    /** What to run: a strategy by name and family, and the settings every strategy shares. */
    public record Plan(String strategy, Strategies.Family family, int requests, int concurrency,
                       Duration timeout, Duration deadline, int retries) {
    }

    /** Connections opened before the clock starts (at most): enough for the server's usual limit and a margin. */
    private static final int WARM_CONNECTIONS_MAX = 32;

    private final LabApi api;

    public RequestRun(LabApi api) {
        this.api = api;
    }

    /** {@link #run(Plan, Consumer, PrintWriter)}, the progress line (if shown) on this process's stderr. */
    public RequestsReport run(Plan plan, Consumer<ResultLine> each, boolean showProgress) throws InterruptedException {
        return run(plan, each, showProgress ? new PrintWriter(System.err, true) : null);
    }

    /**
     * Runs the plan; {@code each} sees every result line the moment it is handed on, and a progress
     * line goes to {@code progressTo} (a command's {@code getErr()}), none when it is null.
     */
    public RequestsReport run(Plan plan, Consumer<ResultLine> each, PrintWriter progressTo) throws InterruptedException {
        List<String> ids = IntStream.rangeClosed(1, plan.requests()).mapToObj(Integer::toString).toList();
        api.resetStats();
        long marker = api.startRun("requests " + plan.strategy(), describe(plan)); // shown on the server's live view
        try (ItemClient client = Strategies.client(plan.family(), api.base())) {
            Settings settings = new Settings(client, plan.concurrency(), plan.timeout(), plan.deadline(), plan.retries());
            RequestStrategy strategy = Strategies.create(plan.strategy(), plan.family(), settings);
            client.warmUp(Math.min(plan.concurrency(), WARM_CONNECTIONS_MAX));
            Watch watch = new Watch(each, plan.concurrency());
            long cpuBefore = processCpuNanos();
            long allocBefore = allocatedBytes();
            try (Progress progress = progressTo != null
                    ? Progress.start(progressTo, plan.strategy(), ids.size(), "attempts", () -> "429s " + client.rejections())
                    : Progress.silent()) {
                progress.follow(client::attempts);
                watch.start();
                strategy.run(ids, watch);
            }
            double wallMs = watch.sinceStartMs();
            long cpuNanos = processCpuNanos() - cpuBefore;
            long allocBytes = allocatedBytes() - allocBefore;
            ServerStats server = api.stats();
            Integer found = strategy instanceof Adaptive a ? a.foundLimit() : null;
            return watch.report(plan, client, server, wallMs, cpuNanos, allocBytes, found);
        } finally {
            api.endRun(marker);
        }
    }

    /** The run's settings in a few words, for the live view's banner: "1000 ids, concurrency 10, virtual". */
    static String describe(Plan plan) {
        StringBuilder s = new StringBuilder().append(plan.requests()).append(" ids, concurrency ").append(plan.concurrency())
                .append(", ").append(plan.family().word());
        if (plan.timeout() != null) {
            s.append(", timeout ").append(plan.timeout().toMillis()).append("ms");
        }
        if (plan.deadline() != null) {
            s.append(", deadline ").append(plan.deadline().toMillis()).append("ms");
        }
        return s.toString();
    }

    /** Every thread's heap allocation so far, those that have ended included (virtual threads count on their carriers). */
    private static long allocatedBytes() {
        return ManagementFactory.getPlatformMXBean(com.sun.management.ThreadMXBean.class).getTotalThreadAllocatedBytes();
    }

    private static long processCpuNanos() {
        return ManagementFactory.getPlatformMXBean(com.sun.management.OperatingSystemMXBean.class).getProcessCpuTime();
    }

    /** The sink between strategy and user: stamps each result, records its latency, passes it on. */
    private static final class Watch implements ResultSink {
        private final Consumer<ResultLine> each;
        private final Histogram micros = Percentiles.newMicrosHistogram();
        private long startNanos;
        private double ttfrMs = -1;
        private final int firstWave;
        private long firstWaveFastestMs = Long.MAX_VALUE;
        private int ok;
        private long retried;

        Watch(Consumer<ResultLine> each, int firstWave) {
            this.each = each;
            this.firstWave = firstWave;
        }

        void start() {
            startNanos = System.nanoTime();
        }

        double sinceStartMs() {
            return (System.nanoTime() - startNanos) / 1e6;
        }

        @Override
        public void accept(Result r) {
            double t = sinceStartMs();
            if (ttfrMs < 0) {
                ttfrMs = t;
            }
            if (r.ok()) {
                ok++;
            }
            retried += Math.max(0, r.attempts() - 1);
            if (r.ok() && Integer.parseInt(r.id()) <= firstWave) {
                firstWaveFastestMs = Math.min(firstWaveFastestMs, r.serviceMs());
            }
            if (r.attempts() > 0) {
                micros.recordValue(Math.max(0, Math.round(r.latencyMs() * 1000)));
            }
            each.accept(ResultLine.of(r, t));
        }

        RequestsReport report(Plan plan, ItemClient client, ServerStats s, double wallMs, long cpuNanos, long allocBytes,
                              Integer found) {
            double bound = s.boundMs();
            double meanService = s.accepted() == 0 ? 0 : (double) s.serviceMsSum() / s.accepted();
            return RequestsReport.builder()
                    .strategy(plan.strategy())
                    .requests(plan.requests())
                    .ok(ok)
                    .failed(plan.requests() - ok)
                    .rejected(client.rejections())
                    .retried(retried)
                    .wallMs(r3(wallMs))
                    .throughputRps(r3(ok / (wallMs / 1000)))
                    .ttfrMs(r3(Math.max(0, ttfrMs)))
                    .latencyMs(Percentiles.of(micros))
                    .boundMs(r3(bound))
                    .efficiency(r3(wallMs == 0 ? 0 : bound / wallMs))
                    .impl(plan.family().word())
                    .concurrency(plan.concurrency())
                    .limit(s.limit())
                    .serverAccepted(s.accepted())
                    .serverRejected(s.rejected())
                    .serverMaxInFlight(s.maxInFlight())
                    .fastestLatencyMs(fastestMs())
                    .firstWaveFastestServiceMs(firstWaveFastestMs == Long.MAX_VALUE ? 0 : firstWaveFastestMs)
                    .throughputBoundRps(r3(meanService == 0 ? 0 : s.limit() / (meanService / 1000)))
                    .clientCpuMsPerRequest(r3(cpuNanos / 1e6 / Math.max(1, client.attempts())))
                    .foundLimit(found)
                    .clientAllocKbPerRequest(r3(allocBytes / 1024.0 / Math.max(1, client.attempts())))
                    .build();
        }

        private double fastestMs() {
            return micros.getTotalCount() == 0 ? 0 : micros.getMinValue() / 1000.0;
        }

        private static double r3(double v) {
            return Math.round(v * 1000) / 1000.0;
        }
    }
}
