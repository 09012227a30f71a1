package lab.client.requests;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import lab.client.cli.UserError;
import lab.client.requests.async.AsyncBounded;
import lab.client.requests.async.AsyncStreaming;
import lab.client.requests.call.ItemClient;
import lab.client.requests.engine.BulkheadLimit;
import lab.client.requests.engine.FixedLimit;
import lab.client.requests.lean.LeanFamily;
import lab.client.requests.netty.NettyFamily;
import lab.client.requests.strategy.RequestStrategy;
import lab.client.requests.strategy.Settings;
import lab.client.requests.virtual.Adaptive;
import lab.client.requests.virtual.Bounded;
import lab.client.requests.virtual.Deadline;
import lab.client.requests.virtual.Retrying;
import lab.client.requests.virtual.Sequential;
import lab.client.requests.virtual.Streaming;
import lab.client.requests.virtual.Unbounded;

/** Every strategy by name, in each implementation family that has it. */
public final class Strategies {

    public static final List<String> NAMES =
            List.of("sequential", "unbounded", "bounded", "streaming", "retrying", "deadline", "adaptive");

    /** How a strategy is built: the same semantics, different machinery, so benchmarks can compare the cost. */
    public enum Family {
        /** Virtual threads, blocking calls, a hand-written semaphore: every strategy. */
        VIRTUAL,
        /** CompletableFuture on {@code HttpClient.sendAsync}, a window instead of a semaphore: bounded, streaming. */
        ASYNC,
        /** Virtual threads with resilience4j's Bulkhead as the limit: bounded, streaming. */
        BULKHEAD,
        /** The virtual-thread strategies on a minimal keep-alive HTTP/1.1 client on plain sockets: every strategy. */
        LEAN,
        /** The virtual-thread strategies on Netty's HTTP client codec, one event loop: every strategy. */
        NETTY;

        public String word() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * The family {@code --impl} defaults to: the fastest that keeps every contract, measured cold and
     * warm (README, "The lean request path").
     */
    public static final String DEFAULT_IMPL = "lean";

    private Strategies() {
    }

    /** Whether {@code family} has strategy {@code name}: virtual, lean and netty have every one, the other two bounded and streaming. */
    public static boolean has(Family family, String name) {
        return family == Family.VIRTUAL || family == Family.LEAN || family == Family.NETTY ? NAMES.contains(name)
                : name.equals("bounded") || name.equals("streaming");
    }

    public static Family defaultFamily() {
        return Family.valueOf(DEFAULT_IMPL.toUpperCase(Locale.ROOT));
    }

    /** The client a run of {@code family} calls through: plain sockets for lean, Netty for netty, the JDK's HttpClient otherwise. */
    public static ItemClient client(Family family, URI base) {
        return switch (family) {
            case LEAN -> LeanFamily.client(base);
            case NETTY -> NettyFamily.client(base);
            default -> new ItemClient(base);
        };
    }

    public static RequestStrategy create(String name, Family family, Settings s) {
        return switch (family) {
            case VIRTUAL -> virtual(name, s);
            case LEAN -> virtual(name, LeanFamily.settings(s));
            case NETTY -> virtual(name, NettyFamily.settings(s));
            case ASYNC -> switch (name) {
                case "bounded" -> new AsyncBounded(s);
                case "streaming" -> new AsyncStreaming(s);
                default -> throw unsupported(name, family);
            };
            case BULKHEAD -> switch (name) {
                case "bounded" -> new Bounded(s, new BulkheadLimit(s.concurrency()));
                case "streaming" -> new Streaming(s, new BulkheadLimit(s.concurrency()));
                default -> throw unsupported(name, family);
            };
        };
    }

    private static RequestStrategy virtual(String name, Settings s) {
        return switch (name) {
            case "sequential" -> new Sequential(s);
            case "unbounded" -> new Unbounded(s);
            case "bounded" -> new Bounded(s, new FixedLimit(s.concurrency()));
            case "streaming" -> new Streaming(s, new FixedLimit(s.concurrency()));
            case "retrying" -> new Retrying(s);
            case "deadline" -> new Deadline(s);
            case "adaptive" -> new Adaptive(s);
            default -> throw new UserError("unknown strategy '" + name + "' (allowed: " + String.join(", ", NAMES) + ")");
        };
    }

    private static UserError unsupported(String name, Family family) {
        return new UserError("--impl " + family.word() + " has bounded and streaming only, not " + name
                + " (use --impl lean, netty or virtual)");
    }
}
