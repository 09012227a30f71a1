package lab.server.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import lab.server.LabServer;
import lab.server.ServerConfig;
import lab.server.stats.Percentiles;
import lab.server.stats.ServerStats;
import lab.server.support.HttpConnection;

/**
 * Two measurements of lab-server itself, each next to its bound, in one run:
 *
 * <ol>
 *   <li><b>Timer accuracy</b>: ten closed-loop clients ask for {@code delay_ms=50} under the default
 *       limit of 10. Client-side p50 and p99 minus 50 ms is what the timer, the stack and the client add.
 *       Target: p99 overshoot at most 2 ms. Two baselines in the same run: a thread per connection
 *       that sleeps ({@link BlockingSleepServer}: the machine's own floor) and the smallest Netty
 *       server that waits on the same event-loop timer ({@link HelloNettyServer}).</li>
 *   <li><b>Bookkeeping cost</b>: 64 closed-loop connections against lab-server with
 *       {@code --latency fixed:0ms --limit 1000}, and the same against {@link HelloNettyServer}, in
 *       alternating rounds. The ratio of their rates is what the limit, the routing, the draws and the
 *       statistics cost. Target: at least 0.8. Measured with this JVM's lean client and, when it is
 *       installed, with wrk (one thread), which takes less CPU from the server on a small machine.</li>
 * </ol>
 *
 * Run: {@code ./lab bench-server [--seconds S] [--rounds R] [--only accuracy|overhead] [--out FILE]}. Every figure also goes to
 * {@code --out} as one JSON line, for the report generator.
 */
public final class ServerBench {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int OVERHEAD_CONNECTIONS = 64;
    private static final int ACCURACY_CONNECTIONS = 10;
    private static final int DELAY_MS = 50;
    /** Both servers get the same number of event loops, lab-server's default, so the comparison is like for like. */
    private static final String IO_THREADS = String.valueOf(ServerConfig.defaultIoThreads()); // as a flag value

    private final Duration round;
    private final int rounds;
    private final List<ObjectNode> lines = new ArrayList<>();
    private final List<String> accuracyRows = new ArrayList<>();

    private ServerBench(Duration round, int rounds) {
        this.round = round;
        this.rounds = rounds;
    }

    /** {@code --seconds S --rounds R --only accuracy|overhead|all --out FILE}, read before any work. */
    private record Settings(int seconds, int rounds, String only, String out) {
        static Settings read(String[] args) {
            Flags.requireKnown("bench-server", args, "--seconds", "--rounds", "--only", "--out");
            Settings s = new Settings(Flags.integer(args, "--seconds", 10), Flags.integer(args, "--rounds", 5),
                    Flags.string(args, "--only", "all"), Flags.string(args, "--out", null));
            if (s.seconds < 1 || s.rounds < 1 || !List.of("all", "accuracy", "overhead").contains(s.only)) {
                throw new IllegalArgumentException("bench-server: --seconds and --rounds are 1 or more; --only is accuracy, overhead or all");
            }
            return s;
        }
    }

    public static void main(String[] args) throws Exception {
        Settings s = Flags.readOrExit(args, Settings::read);
        ServerBench bench = new ServerBench(Duration.ofSeconds(s.seconds), s.rounds);
        bench.environment();
        if (!s.only.equals("overhead")) {
            bench.accuracy();
        }
        if (!s.only.equals("accuracy")) {
            bench.overhead();
        }
        if (s.out != null) {
            bench.write(Path.of(s.out));
        }
    }

    private void environment() {
        ObjectNode env = line("environment");
        env.put("cores", Runtime.getRuntime().availableProcessors());
        env.put("java", Runtime.version().toString());
        env.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"));
        env.put("at", Instant.now().toString());
        env.put("io_threads", ServerConfig.defaultIoThreads());
        env.put("pinning", Cpus.describe());
        System.out.printf("lab-server bench: %d cores, Java %s, %s event-loop thread(s) per server, %d s rounds%n",
                env.get("cores").asInt(), env.get("java").asText(), IO_THREADS, round.toSeconds());
        System.out.printf("  %s%n%n", Cpus.describe());
    }

    /** Who is timed in the accuracy table: the two baselines, then lab-server on each transport. */
    private record Subject(String label, List<String> jvmOptions, Class<?> main, String[] args, String target, boolean hasStats) {
    }

    private void accuracy() throws Exception {
        String items = "/api/items/timer?delay_ms=" + DELAY_MS;
        List<Subject> subjects = List.of(
                new Subject("blocking + sleep", List.of(), BlockingSleepServer.class,
                        new String[] {"--port", "0", "--delay-ms", String.valueOf(DELAY_MS)}, items, false),
                new Subject("hello-netty + timer", List.of(), HelloNettyServer.class,
                        new String[] {"--port", "0", "--delay-ms", String.valueOf(DELAY_MS), "--io-threads", IO_THREADS}, items, false),
                new Subject("lab-server (epoll)", List.of("-Dlab.transport=epoll"), LabServer.class,
                        new String[] {"--port", "0"}, items, true),
                new Subject("lab-server (nio)", List.of("-Dlab.transport=nio"), LabServer.class,
                        new String[] {"--port", "0"}, items, true));
        for (Subject subject : subjects) {
            accuracy(subject);
        }
        System.out.println("Timer accuracy: delay_ms=" + DELAY_MS + ", " + ACCURACY_CONNECTIONS
                + " closed-loop connections, limit 10; overshoot over " + DELAY_MS + " ms, in ms (target: client p99 <= 2)");
        System.out.printf("  %-22s %-27s %8s %8s %8s %8s%n", "server", "measured by", "p50", "p99", "p99.9", "max");
        accuracyRows.forEach(System.out::println);
        System.out.println();
    }

    private void accuracy(Subject subject) throws Exception {
        // Not pinned: the load is light, and a server JVM held to one core queues its event loop
        // behind its own GC and JIT threads, which shows in the tail (seen: p99 4 to 6 ms instead of 1.3).
        try (ChildServer server = ChildServer.start(false, subject.jvmOptions(), subject.main(), subject.args())) {
            progress(subject.label() + ": warming up, 3 s");
            ClosedLoopLoad.run(server.port, subject.target(), ACCURACY_CONNECTIONS, Duration.ofSeconds(3)); // JIT warm-up
            if (Wrk.installed()) {
                resetStats(server, subject);
                progress(subject.label() + ": wrk, " + round.toSeconds() + " s");
                accuracyRow(subject, "wrk -t1 (send to response)", Wrk.latency(server.port, subject.target(), ACCURACY_CONNECTIONS, round));
            }
            resetStats(server, subject);
            progress(subject.label() + ": java client, " + round.toSeconds() + " s");
            ClosedLoopLoad.Result r = ClosedLoopLoad.run(server.port, subject.target(), ACCURACY_CONNECTIONS, round);
            accuracyRow(subject, "java client (send to resp.)", r.latency());
            if (subject.hasStats()) {
                accuracyRow(subject, "server (accept to socket)", stats(server).latencyMs());
            }
        }
    }

    /** One row of the accuracy table; {@code p999} is NaN where the tool does not report it (wrk). */
    private void accuracyRow(Subject subject, String tool, Percentiles l) {
        ObjectNode row = line("timer-accuracy").put("server", subject.label()).put("measured_by", tool).put("delay_ms", DELAY_MS)
                .put("connections", ACCURACY_CONNECTIONS).put("samples", l.count())
                .put("p50_over_ms", micros(l.p50() - DELAY_MS)).put("p99_over_ms", micros(l.p99() - DELAY_MS));
        if (Double.isNaN(l.p999())) {
            row.putNull("p999_over_ms");
        } else {
            row.put("p999_over_ms", micros(l.p999() - DELAY_MS));
        }
        row.put("max_over_ms", micros(l.max() - DELAY_MS)).put("bound_p99_over_ms", 2.0);
        String p999 = Double.isNaN(l.p999()) ? "-" : String.format(Locale.ROOT, "%.3f", l.p999() - DELAY_MS);
        accuracyRows.add(String.format(Locale.ROOT, "  %-22s %-27s %8.3f %8.3f %8s %8.3f", subject.label(), tool,
                l.p50() - DELAY_MS, l.p99() - DELAY_MS, p999, l.max() - DELAY_MS));
    }

    /** Milliseconds rounded to the microsecond, so the raw file carries no floating-point noise. */
    private static double micros(double ms) {
        return Math.round(ms * 1000) / 1000.0;
    }

    private static void resetStats(ChildServer server, Subject subject) throws IOException {
        if (subject.hasStats()) {
            try (HttpConnection c = new HttpConnection(server.port)) {
                c.post("/stats/reset");
            }
        }
    }

    private static ServerStats stats(ChildServer server) throws IOException {
        try (HttpConnection c = new HttpConnection(server.port)) {
            return ServerStats.parse(c.get("/stats").body());
        }
    }

    private void overhead() throws Exception {
        try (ChildServer lab = ChildServer.start(true, List.of(), LabServer.class, "--port", "0", "--latency", "fixed:0ms",
                "--limit", "1000", "--io-threads", IO_THREADS);
             ChildServer hello = ChildServer.start(true, List.of(), HelloNettyServer.class, "--port", "0", "--io-threads", IO_THREADS)) {
            String target = "/api/items/bench";
            for (ChildServer s : List.of(hello, lab)) { // JIT warm-up, not measured
                progress("bookkeeping cost: warming up both servers, 5 s each");
                ClosedLoopLoad.run(s.port, target, OVERHEAD_CONNECTIONS, Duration.ofSeconds(5));
            }
            compare("java-closed-loop", hello, lab, (s, label, n) -> {
                ClosedLoopLoad.Result r = ClosedLoopLoad.run(s.port, target, OVERHEAD_CONNECTIONS, round);
                line("server-overhead").put("tool", "java-closed-loop").put("server", label).put("round", n)
                        .put("connections", OVERHEAD_CONNECTIONS).put("requests", r.requests()).put("non_200", r.non200())
                        .put("rps", Math.round(r.rps())).put("p50_ms", micros(r.latency().p50())).put("p99_ms", micros(r.latency().p99()));
                return r.rps();
            });
            if (Wrk.installed()) {
                compare("wrk -t1 -c64", hello, lab, (s, label, n) -> {
                    double rps = Wrk.rps(s.port, target, OVERHEAD_CONNECTIONS, round);
                    line("server-overhead").put("tool", "wrk").put("server", label).put("round", n)
                            .put("connections", OVERHEAD_CONNECTIONS).put("rps", Math.round(rps));
                    return rps;
                });
            } else {
                System.out.println("  (wrk is not installed: apt-get install wrk adds the second opinion)");
            }
        }
    }

    @FunctionalInterface
    private interface Round {
        double rps(ChildServer server, String label, int round) throws Exception;
    }

    /** Alternates the two servers round by round, so drift on a noisy machine hits both alike. */
    private void compare(String tool, ChildServer hello, ChildServer lab, Round run) throws Exception {
        double[] helloRps = new double[rounds];
        double[] labRps = new double[rounds];
        for (int n = 0; n < rounds; n++) {
            progress("bookkeeping cost, " + tool + ": round " + (n + 1) + " of " + rounds + ", 2 x " + round.toSeconds() + " s");
            boolean helloFirst = n % 2 == 0;
            if (helloFirst) {
                helloRps[n] = run.rps(hello, "hello-netty", n + 1);
            }
            labRps[n] = run.rps(lab, "lab-server", n + 1);
            if (!helloFirst) {
                helloRps[n] = run.rps(hello, "hello-netty", n + 1);
            }
        }
        double helloMedian = median(helloRps);
        double labMedian = median(labRps);
        double ratio = labMedian / helloMedian;
        line("server-overhead-summary").put("tool", tool).put("hello_rps_median", Math.round(helloMedian))
                .put("lab_rps_median", Math.round(labMedian)).put("ratio", micros(ratio)).put("bound_ratio", 0.8);
        System.out.printf("Bookkeeping cost: %s, 64 connections, lab-server --latency fixed:0ms --limit 1000 --io-threads %s%n",
                tool, IO_THREADS);
        System.out.printf("  %-12s %s%n", "hello-netty", rates(helloRps));
        System.out.printf("  %-12s %s%n", "lab-server", rates(labRps));
        System.out.printf("  ratio of medians %.3f (target >= 0.8) -> %.2f of the bound%n%n", ratio, ratio / 0.8);
    }

    /** A line on stderr saying what runs now: a bench of minutes should never look stuck. Tables follow on stdout. */
    private void progress(String what) {
        System.err.println("  ... " + what);
    }

    private static String rates(double[] rps) {
        return Arrays.stream(rps).mapToObj(r -> String.format(Locale.ROOT, "%9.0f", r)).reduce("", String::concat)
                + String.format(Locale.ROOT, "   median %9.0f req/s", median(rps));
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    private ObjectNode line(String experiment) {
        ObjectNode node = JSON.createObjectNode().put("experiment", experiment);
        lines.add(node);
        return node;
    }

    private void write(Path out) throws IOException {
        if (out.getParent() != null) {
            Files.createDirectories(out.getParent());
        }
        try (Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            for (ObjectNode line : lines) {
                w.write(JSON.writeValueAsString(line));
                w.write('\n');
            }
        }
        System.out.println("wrote " + lines.size() + " lines to " + out);
    }

    /** wrk, the C load generator, as a second opinion that takes less CPU than a JVM client. */
    static final class Wrk {

        private static final Pattern RPS = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
        private static final Pattern COUNT = Pattern.compile("(\\d+) requests in");


        private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses:\\s+(\\d+)");

        private static final boolean INSTALLED = probe();

        /** Asked once per bench, not once per measurement. */
        static boolean installed() {
            return INSTALLED;
        }

        private static boolean probe() {
            try {
                return new ProcessBuilder("wrk", "--version").redirectErrorStream(true).start().waitFor() >= 0;
            } catch (IOException e) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }

        static double rps(int port, String target, int connections, Duration duration) throws IOException, InterruptedException {
            String out = run(Cpus.load(), port, target, connections, duration, false);
            Matcher m = RPS.matcher(out);
            if (!m.find()) {
                throw new IOException("wrk printed no rate:\n" + out);
            }
            Matcher bad = NON_2XX.matcher(out);
            if (bad.find()) {
                throw new IOException("wrk saw " + bad.group(1) + " non-2xx responses: the comparison would be unfair");
            }
            return Double.parseDouble(m.group(1));
        }

        /** A run with {@code --latency}: wrk's p50, p99 and max; the rest (p90, p99.9, mean), which this reads not, are NaN. */
        static Percentiles latency(int port, String target, int connections, Duration duration) throws IOException, InterruptedException {
            String out = run(List.of(), port, target, connections, duration, true);
            double max = millis(find(Pattern.compile("Latency\\s+\\S+\\s+\\S+\\s+(\\S+)"), out));
            Matcher count = COUNT.matcher(out);
            return new Percentiles(millis(find(Pattern.compile("\\s50%\\s+(\\S+)"), out)), Double.NaN,
                    millis(find(Pattern.compile("\\s99%\\s+(\\S+)"), out)), Double.NaN, max, count.find() ? Long.parseLong(count.group(1)) : 0,
                    Double.NaN);
        }

        private static String run(List<String> prefix, int port, String target, int connections, Duration duration, boolean latency)
                throws IOException, InterruptedException {
            List<String> command = new ArrayList<>(prefix);
            command.addAll(List.of("wrk", "-t1", "-c" + connections, "-d" + duration.toSeconds() + "s"));
            if (latency) {
                command.add("--latency");
            }
            command.add("http://127.0.0.1:" + port + target);
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor();
            return out;
        }

        private static String find(Pattern pattern, String out) throws IOException {
            Matcher m = pattern.matcher(out);
            if (!m.find()) {
                throw new IOException("wrk printed no " + pattern + ":\n" + out);
            }
            return m.group(1);
        }

        /** wrk writes durations as 812.00us, 50.69ms or 1.02s. */
        private static double millis(String text) {
            if (text.endsWith("us")) {
                return Double.parseDouble(text.substring(0, text.length() - 2)) / 1000;
            }
            if (text.endsWith("ms")) {
                return Double.parseDouble(text.substring(0, text.length() - 2));
            }
            if (text.endsWith("s")) {
                return Double.parseDouble(text.substring(0, text.length() - 1)) * 1000;
            }
            return Double.parseDouble(text);
        }
    }
}
