package lab.server;

import java.io.PrintWriter;
import java.net.BindException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import lab.server.behavior.DurationConverter;
import lab.server.behavior.Durations;
import lab.server.behavior.LatencyModel;
import lab.server.connections.ConnectionPolicy;
import lab.server.script.Fate;
import lab.server.script.Script;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code java -jar lab-server.jar [flags]}: parses the flags, starts the server, prints
 * {@code listening on http://127.0.0.1:PORT} and serves until stopped: SIGTERM or Ctrl-C drains it
 * (see {@link ShutdownSignals}). A bad flag ends it with exit code 2 and one line on stderr saying
 * what is wrong and what is allowed, never the whole usage text.
 */
@Command(name = "lab-server", mixinStandardHelpOptions = true, version = "lab-server 0.1.0", sortOptions = false,
        description = "The API that serves only N requests at a time: a hard limit, drawn latency, injected faults, exact figures.")
final class ServerCommand implements Callable<Integer> {

    static final int EXIT_BAD_FLAGS = 2;
    static final int EXIT_CANNOT_SERVE = 1;

    /** What each flag takes, appended to a complaint about it. */
    private static final Map<String, String> ALLOWED = Map.ofEntries( // eleven flags: past what Map.of takes
            Map.entry("--port", "a port from 0 to 65535 (0 picks a free one)"),
            Map.entry("--limit", "a whole number of requests from 1 to 1000000"),
            Map.entry("--latency", LatencyModel.ALLOWED_SPECS),
            Map.entry("--fault-rate", "a fraction from 0 to 1, such as 0.05"),
            Map.entry("--seed", "a whole number (64-bit)"),
            Map.entry("--io-threads", "0 (half the cores) to 256"),
            Map.entry("--header-timeout", "a duration from 1ms to 10m, such as 10s"),
            Map.entry("--idle-timeout", "a duration from 1ms to 60m, such as 60s"),
            Map.entry("--max-connections", "a whole number of connections from 1 to 1000000"),
            Map.entry("--drain-timeout", "a duration from 0ms (answer nothing) to 10m, such as 10s"),
            Map.entry("--item", "ID=FATE, FATE being " + Fate.ALLOWED));
    private static final String FLAGS = "--port N, --limit N, --latency SPEC, --fault-rate F, --seed N, --io-threads N, "
            + "--header-timeout D, --idle-timeout D, --max-connections N, --drain-timeout D, --item ID=FATE, --help, --version";
    private static final Duration MAX_HEADER_TIMEOUT = Duration.ofMinutes(10);
    private static final Duration MAX_IDLE_TIMEOUT = Duration.ofMinutes(60);
    private static final Duration MAX_DRAIN_TIMEOUT = Duration.ofMinutes(10);

    @Option(names = "--port", paramLabel = "N", defaultValue = "" + ServerConfig.DEFAULT_PORT,
            description = "Port on 127.0.0.1; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "" + ServerConfig.DEFAULT_LIMIT,
            description = "Hard limit of requests in flight; over it, 429 at once (default: ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--latency", paramLabel = "SPEC", defaultValue = ServerConfig.DEFAULT_LATENCY,
            converter = LatencyConverter.class,
            description = "fixed:100ms | uniform:20ms..200ms | lognormal:median=50ms,p99=400ms | bimodal:40ms,2s@5%% (default: ${DEFAULT-VALUE}).")
    LatencyModel latency;

    @Option(names = "--fault-rate", paramLabel = "F", defaultValue = "0",
            description = "Fraction of accepted requests answered 500 or 503 (default: ${DEFAULT-VALUE}).")
    double faultRate;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "" + ServerConfig.DEFAULT_SEED,
            description = "Seed of every random draw, so a run can be repeated (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--io-threads", paramLabel = "N", defaultValue = "0",
            description = "Event-loop threads (they also run the latency timer); 0 for half the cores, at least 1 (default: ${DEFAULT-VALUE}).")
    int ioThreads;

    @Option(names = "--header-timeout", paramLabel = "D", defaultValue = ConnectionPolicy.DEFAULT_HEADER_TIMEOUT,
            converter = DurationConverter.class,
            description = "A connection that has not sent a whole request head within D of opening (or of the first byte after its last answer) gets 408 and is closed (default: ${DEFAULT-VALUE}).")
    Duration headerTimeout;

    @Option(names = "--idle-timeout", paramLabel = "D", defaultValue = ConnectionPolicy.DEFAULT_IDLE_TIMEOUT,
            converter = DurationConverter.class,
            description = "A keep-alive connection silent for D, with nothing owed either way, is closed (default: ${DEFAULT-VALUE}).")
    Duration idleTimeout;

    @Option(names = "--max-connections", paramLabel = "N", defaultValue = "" + ConnectionPolicy.DEFAULT_MAX_CONNECTIONS,
            description = "Open connections at most; one more gets 503 and Connection: close at once (default: ${DEFAULT-VALUE}).")
    int maxConnections;

    @Option(names = "--drain-timeout", paramLabel = "D", defaultValue = ConnectionPolicy.DEFAULT_DRAIN_TIMEOUT,
            converter = DurationConverter.class,
            description = "On SIGTERM or Ctrl-C: stop accepting, let the requests in flight finish for at most D, exit 0; a second signal exits at once (default: ${DEFAULT-VALUE}).")
    Duration drainTimeout;

    @Option(names = "--item", paramLabel = "ID=FATE", converter = ItemConverter.class,
            description = "Gives one id a fate of its own, without the client asking: 7=delay:600ms, 3=fail:hang,"
                    + " 5=delay:50ms,fail:500. Repeatable; POST /script?ID=FATE adds more while serving.")
    List<Map.Entry<String, Fate>> items = new ArrayList<>();

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        ServerConfig config = validConfig();
        ConnectionPolicy policy = validPolicy();
        LabServer server;
        try {
            server = LabServer.start(config, policy);
        } catch (BindException e) {
            spec.commandLine().getErr().println("lab-server: " + e.getMessage());
            spec.commandLine().getErr().flush();
            return EXIT_CANNOT_SERVE;
        }
        items.forEach(item -> server.script().put(item.getKey(), item.getValue()));
        PrintWriter out = spec.commandLine().getOut();
        ShutdownSignals signals = ShutdownSignals.install(server, out);
        out.println("listening on " + server.baseUrl());
        out.flush();
        server.awaitClose();
        signals.awaitReport();
        return 0;
    }

    /** Range checks picocli's types cannot express, reported the same way as its own errors. */
    private ServerConfig validConfig() {
        if (port < 0 || port > 65_535) {
            throw bad("--port", port);
        }
        if (limit < 1 || limit > 1_000_000) {
            throw bad("--limit", limit);
        }
        if (!(faultRate >= 0 && faultRate <= 1)) {
            throw bad("--fault-rate", faultRate);
        }
        if (ioThreads < 0 || ioThreads > 256) {
            throw bad("--io-threads", ioThreads);
        }
        return new ServerConfig(port, limit, latency, faultRate, seed, ioThreads);
    }

    private ConnectionPolicy validPolicy() {
        if (!within(headerTimeout, Duration.ofMillis(1), MAX_HEADER_TIMEOUT)) {
            throw bad("--header-timeout", Durations.format(headerTimeout));
        }
        if (!within(idleTimeout, Duration.ofMillis(1), MAX_IDLE_TIMEOUT)) {
            throw bad("--idle-timeout", Durations.format(idleTimeout));
        }
        if (maxConnections < 1 || maxConnections > 1_000_000) {
            throw bad("--max-connections", maxConnections);
        }
        if (!within(drainTimeout, Duration.ZERO, MAX_DRAIN_TIMEOUT)) {
            throw bad("--drain-timeout", Durations.format(drainTimeout));
        }
        return new ConnectionPolicy(headerTimeout, idleTimeout, maxConnections, drainTimeout);
    }

    private static boolean within(Duration d, Duration min, Duration max) {
        return d.compareTo(min) >= 0 && d.compareTo(max) <= 0;
    }

    private ParameterException bad(String option, Object value) {
        return new ParameterException(spec.commandLine(), "Invalid value for option '" + option + "': " + value,
                spec.findOption(option), String.valueOf(value));
    }

    static int run(String... args) {
        CommandLine cmd = new CommandLine(new ServerCommand());
        cmd.setParameterExceptionHandler(ServerCommand::oneLine);
        return cmd.execute(args);
    }

    /** One line on stderr: picocli's own complaint, then what is allowed. */
    private static int oneLine(ParameterException e, String[] args) {
        String message = e.getMessage().replace('\n', ' ').strip();
        String allowed = e.getArgSpec() instanceof OptionSpec o && ALLOWED.containsKey(o.longestName())
                ? ALLOWED.get(o.longestName())
                : "flags " + FLAGS;
        PrintWriter err = e.getCommandLine().getErr();
        err.println("lab-server: " + message + (message.contains(allowed) ? "" : " (allowed: " + allowed + ")"));
        err.flush();
        return EXIT_BAD_FLAGS;
    }

    /** Reads {@code --item ID=FATE}, reported like picocli's own errors when bad. */
    static final class ItemConverter implements ITypeConverter<Map.Entry<String, Fate>> {
        @Override
        public Map.Entry<String, Fate> convert(String value) {
            try {
                return Script.parseEntry(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    /** Lets picocli report a bad {@code --latency} in its usual "Invalid value for option" form. */
    static final class LatencyConverter implements ITypeConverter<LatencyModel> {
        @Override
        public LatencyModel convert(String value) {
            try {
                return LatencyModel.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }
}
