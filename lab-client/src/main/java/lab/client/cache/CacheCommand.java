package lab.client.cache;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import lab.client.api.LabApi;
import lab.server.behavior.DurationConverter;
import lab.client.cli.Json;
import lab.client.cli.Progress;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/** {@code cache}: the stampede. N callers, K keys, one cache strategy; the server counts the upstream calls. */
@Command(name = "cache", mixinStandardHelpOptions = true,
        description = "N concurrent callers ask for K keys through an empty cache; the server counts the upstream calls.")
public final class CacheCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--url", defaultValue = "http://127.0.0.1:8080", description = "lab-server's address (default: ${DEFAULT-VALUE})")
    private String url;

    @Option(names = "--strategy", required = true, converter = StrategyConverter.class,
            description = "naive, global-lock, single-flight or caffeine")
    private StrategyName strategy;

    @Option(names = "--callers", defaultValue = "200", description = "concurrent callers (default: ${DEFAULT-VALUE})")
    private int callers;

    @Option(names = "--keys", defaultValue = "5", description = "distinct keys, at most --callers (default: ${DEFAULT-VALUE})")
    private int keys;

    @Option(names = "--ttl", defaultValue = "0ms", converter = DurationConverter.class,
            description = "how long a loaded entry stays fresh, 0ms for ever (default: ${DEFAULT-VALUE})")
    private Duration ttl;

    @Option(names = "--json", description = "print one JSON object on stdout")
    private boolean json;

    @Override
    public Integer call() throws InterruptedException {
        if (callers < 1 || callers > 100_000) {
            throw new ParameterException(spec.commandLine(), "bad --callers " + callers + ": use 1 to 100000");
        }
        if (keys < 1 || keys > callers) {
            throw new ParameterException(spec.commandLine(), "bad --keys " + keys + ": use 1 to --callers (" + callers + ")");
        }
        LabApi api = LabApi.connect(url);
        StampedeResult result;
        try (Progress progress = json ? Progress.silent() : Progress.start(spec.commandLine().getErr(), "cache " + strategy, callers, "callers")) {
            result = StampedeRun.measure(api, strategy, callers, keys, ttl, progress);
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println(json ? Json.line(result) : describe(result));
        out.flush();
        return 0;
    }

    private static String describe(StampedeResult r) {
        return String.format(Locale.ROOT, """
                cache %s: %d callers, %d keys%s
                  upstream calls  %d  (one per key: %d)%s
                  wall            %.1f ms  (bound %.1f ms: every key loaded once, in parallel; one after the other: %.1f ms)
                  efficiency      %.2f  (bound / wall); the client's own overhead: %.1f ms
                  throughput      %.0f callers/s
                  wait ms         p50 %.1f  p90 %.1f  p99 %.1f  max %.1f%s""",
                r.strategy(), r.callers(), r.keys(), r.ttlMs() == 0 ? "" : ", ttl " + r.ttlMs() + " ms",
                r.upstreamCalls(), r.expectedCalls(), r.upstreamCalls() > r.expectedCalls() ? "  <- the stampede" : "",
                r.wallMs(), r.boundMs(), r.serialMs(), r.efficiency(), r.clientOverheadMs(), r.throughputRps(),
                r.latencyMs().p50(), r.latencyMs().p90(), r.latencyMs().p99(), r.latencyMs().max(),
                r.errors() + r.rejected() == 0 ? "" : String.format(Locale.ROOT, "%n  errors          %d callers failed, %d rejected (429)", r.errors(), r.rejected()));
    }

    /** Reads the strategy by its command-line name, so a typo gets the list of names in one line. */
    static final class StrategyConverter implements ITypeConverter<StrategyName> {
        @Override
        public StrategyName convert(String value) {
            return Arrays.stream(StrategyName.values()).filter(s -> s.cliName().equals(value)).findFirst()
                    .orElseThrow(() -> new TypeConversionException("bad --strategy '" + value + "': use "
                            + Arrays.stream(StrategyName.values()).map(StrategyName::cliName).collect(Collectors.joining(", "))));
        }
    }
}
