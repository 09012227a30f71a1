package lab.jmh;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import lab.client.primitives.PrimitivesBenchmark;
import lab.jmh.cache.CacheReadBenchmark;
import lab.jmh.hash.Argon2idBenchmark;
import lab.jmh.hash.DigestCallCostBenchmark;
import lab.jmh.hash.HashWorkersBenchmark;
import lab.jmh.hash.Pbkdf2EngineBenchmark;
import lab.jmh.hash.Sha256LimitBenchmark;
import lab.jmh.requests.RequestStrategyBenchmark;
import lab.jmh.server.LedgerBenchmark;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Every benchmark class of the suite, in the order it runs, with what the suite sets on it: the
 * iteration counts come from the {@link Profile}; the parameters that depend on the machine (worker
 * counts up to twice the cores, the request families the lab has) are computed here, so a new
 * family or a bigger machine changes the rows without an edit.
 */
enum Benchmarks {
    SHA256_LIMIT(Sha256LimitBenchmark.class, Kind.TIMED, false, 1, List::of),
    PBKDF2_ENGINES(Pbkdf2EngineBenchmark.class, Kind.TIMED, true, 4, List::of),
    DIGEST_CALL_COST(DigestCallCostBenchmark.class, Kind.TIMED, true, 2, List::of),
    ARGON2ID(Argon2idBenchmark.class, Kind.TIMED, false, 1, List::of),
    HASH_WORKERS(HashWorkersBenchmark.class, Kind.TIMED, false, 1, () -> List.of(new Param("workers", HashWorkersBenchmark.workerCounts()))),
    REQUEST_STRATEGIES(RequestStrategyBenchmark.class, Kind.SINGLE_SHOT, true, 1, () -> List.of(new Param("strategy", RequestStrategyBenchmark.cases()))),
    CACHE_READS(CacheReadBenchmark.class, Kind.TIMED, true, 8, List::of),
    PRIMITIVES(PrimitivesBenchmark.class, Kind.TIMED, false, 4, List::of),
    LEDGER(LedgerBenchmark.class, Kind.TIMED, false, 3, List::of);

    /**
     * Every fork's JVM flags beyond the defaults (recorded in environment.json): epoll and sqlite load
     * native code; a fixed heap, so that heap sizing is not a variable; and on JDK 24+ JMH's own use of
     * sun.misc.Unsafe allowed without its four-line warning in every fork.
     */
    static final List<String> FORK_JVM_ARGS = forkJvmArgs();

    private static List<String> forkJvmArgs() {
        List<String> args = new ArrayList<>(List.of("--enable-native-access=ALL-UNNAMED", "-Xms1g", "-Xmx1g",
                "--add-opens", "java.base/sun.security.provider=ALL-UNNAMED")); // the direct PBKDF2 engine
        if (Runtime.version().feature() >= 24) {
            args.add("--sun-misc-unsafe-memory-access=allow");
        }
        return List.copyOf(args);
    }

    enum Kind { TIMED, SINGLE_SHOT }

    record Param(String name, List<String> values) {
    }

    private final Class<?> type;
    private final Kind kind;
    private final boolean allocation;
    /** Cases the class has before the parameters set here multiply them: its methods times its own {@code @Param}s. */
    private final int fixedCases;
    private final Supplier<List<Param>> params;

    Benchmarks(Class<?> type, Kind kind, boolean allocation, int fixedCases, Supplier<List<Param>> params) {
        this.type = type;
        this.kind = kind;
        this.allocation = allocation;
        this.fixedCases = fixedCases;
        this.params = params;
    }

    Class<?> type() {
        return type;
    }

    String simpleName() {
        return type.getSimpleName();
    }

    void configure(ChainedOptionsBuilder options, Profile p) {
        options.forks(p.forks);
        if (kind == Kind.TIMED) {
            options.warmupIterations(p.warmups).warmupTime(TimeValue.seconds(p.seconds))
                    .measurementIterations(p.measurements).measurementTime(TimeValue.seconds(p.seconds));
        } else {
            options.warmupIterations(p.singleShotWarmups).measurementIterations(p.singleShotMeasurements);
        }
        if (allocation) {
            options.addProfiler(GCProfiler.class); // bytes allocated per operation: gc.alloc.rate.norm
        }
        for (Param param : params.get()) {
            options.param(param.name(), param.values().toArray(String[]::new));
        }
    }

    /**
     * A rough duration for the progress line: cases times forks times iterations, plus a JVM start
     * per fork; the cases counted from the parameters as they are set, so a new family counts.
     */
    String estimate(Profile p) {
        long cases = fixedCases;
        for (Param param : params.get()) {
            cases *= param.values().size();
        }
        double perCase = kind == Kind.TIMED ? (p.warmups + p.measurements) * p.seconds + 1.5 : (p.singleShotWarmups + p.singleShotMeasurements) * 1.3 + 3;
        long s = Math.round(perCase * p.forks * cases);
        return String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60);
    }

    static List<Benchmarks> matching(String include) {
        if (include == null || include.isBlank()) {
            return List.of(values());
        }
        Pattern pattern = Pattern.compile(include);
        List<Benchmarks> chosen = new ArrayList<>();
        for (Benchmarks b : values()) {
            if (pattern.matcher(b.simpleName()).find()) {
                chosen.add(b);
            }
        }
        return chosen;
    }

    static String names() {
        return Arrays.stream(values()).map(Benchmarks::simpleName).collect(Collectors.joining(", "));
    }
}
