package lab.client.requests;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import lab.client.api.LabApi;
import lab.client.cli.BadFlag;
import lab.server.behavior.DurationConverter;
import lab.client.cli.RecordLines;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code requests}: the seed's first task. Calls {@code GET /api/items/1..N} on a lab-server with one
 * strategy and reports what the server saw next to the best possible.
 */
@Command(name = "requests", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Call an API that serves only N requests at a time, with one strategy, and measure it.")
public final class RequestsCommand implements Callable<Integer> {

    /** Without --concurrency, adaptive may go this high while it looks for the limit. */
    static final int ADAPTIVE_DEFAULT_CAP = 100;

    @Option(names = "--url", paramLabel = "URL", defaultValue = "http://127.0.0.1:8080",
            description = "Base address of a lab-server (default: ${DEFAULT-VALUE}).")
    String url;

    @Option(names = "--strategy", paramLabel = "NAME", required = true,
            description = "sequential | unbounded | bounded | streaming | retrying | deadline | adaptive.")
    String strategy;

    @Option(names = "--requests", paramLabel = "N", defaultValue = "100",
            description = "How many ids to call, 1..N (default: ${DEFAULT-VALUE}).")
    int requests;

    @Option(names = "--concurrency", paramLabel = "C",
            description = "At most C in flight (default: 10; for adaptive only a cap, default " + ADAPTIVE_DEFAULT_CAP + ").")
    Integer concurrency;

    @Option(names = "--timeout", paramLabel = "D", converter = DurationConverter.class,
            description = "Per-request timeout, such as 250ms (default: none).")
    Duration timeout;

    @Option(names = "--deadline", paramLabel = "D", converter = DurationConverter.class,
            description = "Deadline of the whole run, such as 2s (default: none).")
    Duration deadline;

    @Option(names = "--retries", paramLabel = "R", defaultValue = "3",
            description = "Extra attempts for a failed id, for retrying and adaptive (default: ${DEFAULT-VALUE}).")
    int retries;

    @Option(names = "--impl", paramLabel = "FAMILY", defaultValue = Strategies.DEFAULT_IMPL,
            description = "lean (plain sockets) | netty (Netty's HTTP client) | virtual (JDK HttpClient) | "
                    + "async (CompletableFuture on sendAsync) | bulkhead (resilience4j); lean, netty and virtual have every "
                    + "strategy, async and bulkhead bounded and streaming (default: ${DEFAULT-VALUE}).")
    String impl;

    @Option(names = "--json", description = "Print one JSON object on stdout, nothing else.")
    boolean json;

    @Option(names = "--each", description = "Print one JSON line per result the moment it is handed on, then the summary.")
    boolean each;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        try {
            return run(spec.commandLine().getOut(), spec.commandLine().getErr());
        } catch (BadFlag e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    /** Whether the flags' values are ones this command runs with (false: a {@link BadFlag} that picocli should report). */
    public boolean flagsHold() {
        try {
            plan();
            return true;
        } catch (BadFlag e) {
            return false;
        }
    }

    /** The run, printing on {@code out} (the result) and {@code err} (progress); a {@link BadFlag} before anything else. */
    public int run(PrintWriter out, PrintWriter err) throws InterruptedException {
        RequestRun.Plan plan = plan();
        LabApi api = LabApi.connect(url);
        RequestsReport report = new RequestRun(api).run(plan, line -> {
            if (each) {
                out.println(RecordLines.of(line));
                out.flush();
            }
        }, json || each ? null : err);
        if (json || each) {
            out.println(RecordLines.of(report));
        } else {
            out.print(SummaryText.of(report));
        }
        out.flush();
        return 0;
    }

    private RequestRun.Plan plan() {
        if (!Strategies.NAMES.contains(strategy)) {
            throw bad("--strategy", strategy, String.join(", ", Strategies.NAMES));
        }
        Strategies.Family family = family();
        if (!Strategies.has(family, strategy)) {
            // A flag combination the lab cannot run is bad usage (exit 2), like any other bad flag.
            throw bad("--impl", family.word() + " with --strategy " + strategy,
                    "lean, netty or virtual with any strategy; async and bulkhead with bounded or streaming");
        }
        if (requests < 1 || requests > 10_000_000) {
            throw bad("--requests", requests, "1 to 10000000");
        }
        if (concurrency != null && (concurrency < 1 || concurrency > 100_000)) {
            throw bad("--concurrency", concurrency, "1 to 100000");
        }
        if (retries < 0 || retries > 100) {
            throw bad("--retries", retries, "0 to 100");
        }
        int c = concurrency != null ? concurrency : strategy.equals("adaptive") ? ADAPTIVE_DEFAULT_CAP : 10;
        return new RequestRun.Plan(strategy, family, requests, c, positive("--timeout", timeout),
                positive("--deadline", deadline), retries);
    }

    private Strategies.Family family() {
        try {
            return Strategies.Family.valueOf(impl.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw bad("--impl", impl, Arrays.stream(Strategies.Family.values()).map(Strategies.Family::word)
                    .collect(Collectors.joining(", ")));
        }
    }

    private Duration positive(String option, Duration d) {
        if (d != null && d.isZero()) {
            throw bad(option, "0ms", "a duration above zero, such as 250ms");
        }
        return d;
    }

    private static BadFlag bad(String option, Object value, String allowed) {
        return new BadFlag("Invalid value for option '" + option + "': " + value + " (allowed: " + allowed + ")");
    }
}
