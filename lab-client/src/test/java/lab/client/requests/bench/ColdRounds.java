package lab.client.requests.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import lab.client.api.LabApi;
import lab.server.stats.ServerStats;
import lab.client.cli.Json;

/**
 * The bench as a user meets the client: every round starts a fresh process for every client, one
 * after the other against the same lab-server, the Java families as {@code ./lab client} runs them
 * and, beside them, the seed's asyncio answers in Python (aiohttp) as peers. Each process is timed
 * by {@code /usr/bin/time} (user and system CPU of the whole process, start-up included); the
 * server's {@code /stats} gives every client's bound, the peers' included.
 *
 * <p>With levers on, the lean and virtual families also run as plain {@code java -jar} and with
 * one JVM setting at a time, so that what each setting buys is measured in the same rounds.
 */
final class ColdRounds {

    /** One client: how to start it for N requests against a URL, and what it is the peer of. */
    record Client(String label, String strategy, String family, boolean peer, List<String> launch) {
        List<String> command(String url, int requests) {
            List<String> c = new ArrayList<>(launch);
            if (!peer) {
                c.addAll(List.of("requests", "--url", url, "--strategy", strategy, "--impl", family, "--requests",
                        Integer.toString(requests), "--json"));
            }
            return c;
        }
    }

    static final String PEER_MISSING = "asyncio peers left out: no python3 with aiohttp"
            + " (Debian: apt-get install -y python3-aiohttp, then /usr/bin/python3 has it)";

    private static final Path TIME = Path.of("/usr/bin/time");
    /** Where the peers' scripts live in the tree, and the prefix of the temporary folder they run from. */
    private static final String SCRIPTS_SOURCE = "lab-client/src/test/resources/lab/client/requests/bench";
    private static final String SCRIPTS_PREFIX = "lab-asyncio-";
    private static final String JAR = "lab-client/target/lab-client.jar";
    private static final String AOT = "lab-client/target/lab-client.aot";

    private final LabApi api;
    private final String url;
    private final int requests;

    ColdRounds(LabApi api, String url, int requests) {
        this.api = api;
        this.url = url;
        this.requests = requests;
    }

    /** The clients of a cold round: Java families through ./lab, the asyncio peers when Python has aiohttp. */
    static List<Client> clients(boolean levers, Path scripts) throws IOException, InterruptedException {
        List<Client> clients = new ArrayList<>();
        List<String> lab = List.of("./lab", "client");
        for (String strategy : List.of("bounded", "streaming")) {
            for (String family : List.of("lean", "netty", "virtual", "async", "bulkhead")) {
                clients.add(new Client(strategy + "/" + family, strategy, family, false, lab));
            }
        }
        String python = pythonWithAiohttp();
        if (python == null) {
            System.err.println(PEER_MISSING);
        } else {
            clients.add(new Client("bounded/asyncio gather+Semaphore", "bounded", "asyncio", true,
                    List.of(python, scripts.resolve("asyncio_gather.py").toString())));
            clients.add(new Client("streaming/asyncio as_completed", "streaming", "asyncio", true,
                    List.of(python, scripts.resolve("asyncio_as_completed.py").toString())));
        }
        if (levers) {
            // What each setting buys, bounded/lean (the default) in the same rounds: from plain java -jar
            // up to ./lab's flags, then ./lab's flags with the java process alone (so the script's own
            // CPU shows), each of ./lab's settings taken out in turn, and a few measured and left out.
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            List<String> ours = labFlags();
            String s = "bounded";
            String f = "lean";
            clients.add(lever(s, f, "java -jar", java));
            clients.add(lever(s, f, "C1 only", java, "-XX:TieredStopAtLevel=1"));
            clients.add(lever(s, f, "C1, serial GC", java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"));
            if (Runtime.version().feature() >= 25 && trainedCache()) {
                ours.add("-XX:AOTCache=" + AOT);
                clients.add(lever(s, f, "AOT cache", java, "-XX:AOTCache=" + AOT));
                clients.add(lever(s, f, "./lab's flags, java alone", java, ours.toArray(String[]::new)));
                for (String flag : ours) {
                    clients.add(lever(s, f, "./lab's less " + flag.replace("lab-client/target/", ""), java, with(ours, flag, null)));
                }
                clients.add(lever(s, f, "./lab's, -Xint for C1", java, with(ours, "-XX:TieredStopAtLevel=1", "-Xint")));
            }
        }
        return clients;
    }

    /**
     * The JVM flags ./lab gives lab-client (the lab script's {@code client_flags}), less the logging
     * ones: read from the script, so that the levers measure what a user runs.
     */
    static List<String> labFlags() throws IOException {
        for (String line : Files.readAllLines(Path.of("lab"), StandardCharsets.UTF_8)) {
            if (line.startsWith("client_flags=(") && line.endsWith(")")) {
                List<String> flags = new ArrayList<>();
                for (String flag : line.substring("client_flags=(".length(), line.length() - 1).split("\\s+")) {
                    if (!flag.isEmpty() && !flag.startsWith("-Xlog:")) {
                        flags.add(flag);
                    }
                }
                return flags;
            }
        }
        throw new IllegalStateException("no client_flags=(...) line in ./lab");
    }

    /** The cache ./lab trains on a client's first run after a build: trained here if this build has none yet. */
    private static boolean trainedCache() throws IOException, InterruptedException {
        if (!Files.exists(Path.of(AOT))) {
            Process p = new ProcessBuilder("./lab", "client", "requests", "--help").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(5, TimeUnit.MINUTES)) {
                p.destroyForcibly();
            }
        }
        return Files.exists(Path.of(AOT));
    }

    /** {@code flags} with {@code out} taken out and {@code in} put in (either may be null). */
    private static String[] with(List<String> flags, String out, String in) {
        List<String> f = new ArrayList<>(flags);
        f.remove(out);
        if (in != null) {
            f.add(in);
        }
        return f.toArray(String[]::new);
    }

    private static Client lever(String strategy, String family, String what, String java, String... flags) {
        List<String> launch = new ArrayList<>(List.of(java));
        launch.addAll(List.of(flags));
        launch.addAll(List.of("-Xlog:disable", "-Xlog:all=warning:stderr", "-jar", JAR));
        return new Client(strategy + "/" + family + " (" + what + ")", strategy, family, false, launch);
    }

    /** Runs one client in a fresh process and returns its row, or throws with what went wrong. */
    Map<String, Object> run(Client client, int round, String latency) throws IOException, InterruptedException {
        if (!Files.isExecutable(TIME)) {
            throw new IllegalStateException("the cold rounds time each process with /usr/bin/time: apt-get install -y time");
        }
        Path timing = Files.createTempFile("lab-cold-", ".time");
        Path out = Files.createTempFile("lab-cold-", ".out");
        try {
            api.resetStats();
            List<String> command = new ArrayList<>(List.of(TIME.toString(), "-o", timing.toString(), "-f", "%U %S %e"));
            command.addAll(client.command(url, requests));
            ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(out.toFile())
                    .redirectError(ProcessBuilder.Redirect.DISCARD);
            if (client.peer()) {
                pb.environment().put("LAB_URL", url);
                pb.environment().put("LAB_REQUESTS", Integer.toString(requests));
                pb.environment().put("LAB_CONCURRENCY", "10");
            }
            Process p = pb.start();
            if (!p.waitFor(10, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new IllegalStateException(client.label() + " had not finished after 10 minutes");
            }
            List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
            if (p.exitValue() != 0 || lines.isEmpty()) {
                throw new IllegalStateException(client.label() + " exited " + p.exitValue() + " with "
                        + (lines.isEmpty() ? "no output" : lines.getLast()));
            }
            ServerStats server = api.stats();
            return row(client, round, latency, Json.MAPPER.readTree(lines.getLast()), server,
                    Files.readString(timing).strip().split("\\s+"));
        } finally {
            Files.deleteIfExists(timing);
            Files.deleteIfExists(out);
        }
    }

    private Map<String, Object> row(Client client, int round, String latency, JsonNode result, ServerStats server,
                                    String[] time) {
        double user = Double.parseDouble(time[0]);
        double sys = Double.parseDouble(time[1]);
        double wallMs = result.path("wall_ms").asDouble();
        double bound = client.peer() ? server.boundMs() : result.path("bound_ms").asDouble();
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("bench", "requests");
        row.put("mode", "cold");
        row.put("round", round);
        row.put("latency", latency);
        row.put("client", client.label());
        row.put("family", client.family());
        row.put("peer", client.peer());
        row.put("strategy", client.strategy());
        row.put("requests", requests);
        row.put("ok", result.path("ok").asInt());
        row.put("rejected", result.path("rejected").asLong());
        row.put("wall_ms", wallMs);
        row.put("bound_ms", bound);
        row.put("efficiency", r3(bound / wallMs));
        row.put("ttfr_ms", result.path("ttfr_ms").asDouble());
        row.put("first_wave_fastest_service_ms", result.path("first_wave_fastest_service_ms").asDouble());
        row.put("server_max_in_flight", server.maxInFlight());
        row.put("process_user_s", user);
        row.put("process_sys_s", sys);
        row.put("process_cpu_s", r3(user + sys));
        row.put("process_wall_s", Double.parseDouble(time[2]));
        if (!client.peer()) {
            row.put("client_cpu_ms_per_request", result.path("client_cpu_ms_per_request").asDouble());
            row.put("client_alloc_kb_per_request", result.path("client_alloc_kb_per_request").asDouble());
        }
        row.put("launch", String.join(" ", client.launch()).replace(System.getProperty("java.home"), "$JAVA_HOME")
                .replaceAll("\\S*/" + SCRIPTS_PREFIX + "[0-9]+/", SCRIPTS_SOURCE + "/")); // no temporary folder in the record
        return row;
    }

    /** Debian's python3 first: the one on PATH may be a pyenv build without aiohttp. */
    private static String pythonWithAiohttp() throws InterruptedException {
        for (String python : List.of("/usr/bin/python3", "python3")) {
            try {
                Process p = new ProcessBuilder(python, "-c", "import aiohttp").redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                if (p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0) {
                    return python;
                }
                p.destroyForcibly();
            } catch (IOException e) {
                // not installed under this name: try the next
            }
        }
        return null;
    }

    /** The peers' scripts, from the test resources, in a folder of their own. */
    static Path scripts() throws IOException {
        Path dir = Files.createTempDirectory(SCRIPTS_PREFIX);
        for (String name : List.of("asyncio_gather.py", "asyncio_as_completed.py")) {
            try (InputStream in = ColdRounds.class.getResourceAsStream(name)) {
                if (in == null) {
                    throw new IOException("missing test resource " + name);
                }
                Files.copy(in, dir.resolve(name));
            }
        }
        dir.toFile().deleteOnExit();
        dir.resolve("asyncio_gather.py").toFile().deleteOnExit();
        dir.resolve("asyncio_as_completed.py").toFile().deleteOnExit();
        return dir;
    }

    static double r3(double v) {
        return Math.round(v * 1000) / 1000.0;
    }

    static String f(double v, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", v);
    }
}
