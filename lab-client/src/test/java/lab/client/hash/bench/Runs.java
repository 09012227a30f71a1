package lab.client.hash.bench;

import static lab.client.hash.bench.HashBench.fields;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import lab.client.cli.Json;

/** Each part of the bench: the runs it makes and the lines it emits. */
final class Runs {

    /** Strategy and workers of the strategies part, in the order each round runs them. */
    static final List<Object[]> STRATEGIES = List.of(new Object[] {"sequential", 1}, new Object[] {"threads", 1},
            new Object[] {"threads", 2}, new Object[] {"threads", 4}, new Object[] {"threads", 8}, new Object[] {"virtual", 2},
            new Object[] {"virtual", 100}, new Object[] {"processes", 2});

    /** One thread of OpenSSL's PBKDF2 (python3's hashlib), warmed once, timed for 3 s and at least 3 hashes. */
    private static final String OPENSSL_PBKDF2 = """
            import hashlib, json, ssl, sys, time
            iterations = int(sys.argv[1])
            salt = bytes(range(16))
            hashlib.pbkdf2_hmac("sha256", b"warm-up", salt, iterations)
            n, start = 0, time.perf_counter()
            while time.perf_counter() - start < 3 or n < 3:
                hashlib.pbkdf2_hmac("sha256", b"calibration", salt, iterations, 32)
                n += 1
            hps = n / (time.perf_counter() - start)
            print(json.dumps({"tool": "python3 hashlib.pbkdf2_hmac", "library": ssl.OPENSSL_VERSION, "iterations": iterations,
                              "hashes_per_s": round(hps, 1), "iterations_per_s": round(hps * iterations)}))
            """;
    private static final Pattern ARGON2_SECONDS = Pattern.compile("(?m)^([0-9.]+) seconds");
    private static final int ARGON2_HASHES = 30;

    private final Path work;
    private final Lines lines;
    private final int cores = Runtime.getRuntime().availableProcessors();

    Runs(Path work, Lines lines) {
        this.work = work;
        this.lines = lines;
    }

    void engines(int iterations, int rounds) throws Exception {
        System.err.println("engines: one thread, pbkdf2 i=" + iterations + ", " + rounds + " rounds");
        for (int r = 1; r <= rounds; r++) {
            String db = seedSqlite("e.db", 1);
            lines.emit("engines", fields("round", r, "tool", "lab-client"), Tools.labClient(List.of(), "hash", "migrate", "--db", db,
                    "--strategy", "sequential", "--iterations", Integer.toString(iterations), "--calibration", "3s", "--json"));
            lines.emit("engines", fields("round", r), Tools.run(List.of("python3", "-c", OPENSSL_PBKDF2, Integer.toString(iterations)), null));
        }
    }

    void limit() throws Exception {
        System.err.println("limit: openssl speed -bytes 16384 sha256");
        String speed = Tools.run(List.of("openssl", "speed", "-seconds", "3", "-bytes", "16384", "sha256"), null);
        Matcher m = Pattern.compile("(?m)^sha256\\s+([0-9.]+)k").matcher(speed);
        if (!m.find()) {
            throw new IOException("openssl speed printed no sha256 line");
        }
        double bytesPerS = Double.parseDouble(m.group(1)) * 1000; // openssl prints thousands of bytes per second
        double compressions = bytesPerS / 64;
        lines.emit("limit", Map.of(), fields("tool", "openssl speed -bytes 16384 sha256",
                "library", Tools.run(List.of("openssl", "version"), null).trim(), "sha256_bytes_per_s", Math.round(bytesPerS),
                "compressions_per_s", Math.round(compressions), "pbkdf2_iterations_per_s_limit", Math.round(compressions / 2)));
    }

    /** Interleaved rounds: drift on a shared machine hits every strategy alike, and the ratios take medians. */
    void strategies(int iterations, int users, int rounds) throws Exception {
        System.err.println("strategies: " + users + " users, pbkdf2 i=" + iterations + ", " + rounds + " rounds");
        for (int r = 1; r <= rounds; r++) {
            for (Object[] sw : STRATEGIES) {
                String db = seedSqlite("s.db", users);
                lines.emit("strategies", fields("round", r), Tools.labClient(List.of(), "hash", "migrate", "--db", db,
                        "--strategy", (String) sw[0], "--workers", sw[1].toString(), "--iterations", Integer.toString(iterations),
                        "--batch", Integer.toString(users), "--json"));
            }
        }
    }

    void python(String python, int iterations, int users, int rounds) throws Exception {
        System.err.println("python: the seed's answers, " + users + " users, pbkdf2 i=" + iterations + ", "
                + Tools.run(List.of(python, "--version"), null).trim());
        Path script = Path.of("python", "seed_answers.py").toAbsolutePath();
        if (!Files.isRegularFile(script)) {
            throw new IOException("no " + script + ": run the bench from the lab's root (./lab bench-hash does)");
        }
        List<Object[]> answers = List.of(new Object[] {"threads", 100}, new Object[] {"threads", cores},
                new Object[] {"processes", cores}, new Object[] {"flawed", 100});
        for (int r = 1; r <= rounds; r++) {
            for (Object[] aw : answers) {
                seedSqlite("py.db", users);
                lines.emit("python", fields("round", r), Tools.run(List.of(python, script.toString(), "--db",
                        work.resolve("py.db").toString(), "--answer", (String) aw[0], "--workers", aw[1].toString(),
                        "--iterations", Integer.toString(iterations), "--batch", Integer.toString(users)), null));
            }
        }
    }

    void argon2(int rounds) throws Exception {
        if (!Tools.onPath("argon2") && "root".equals(System.getProperty("user.name")) && Tools.onPath("apt-get")) {
            System.err.println("argon2: installing Debian's argon2 (the reference command)");
            Tools.run(List.of("apt-get", "install", "-y", "-qq", "argon2"), null);
        }
        if (!Tools.onPath("argon2")) {
            throw new IOException("needs the argon2 command (apt-get install argon2)");
        }
        System.err.println("argon2: one thread, argon2id m=19456,t=2,p=1, " + rounds + " rounds");
        for (int r = 1; r <= rounds; r++) {
            String db = seedSqlite("a.db", 1);
            lines.emit("argon2", fields("round", r, "tool", "lab-client (BouncyCastle)"), Tools.labClient(List.of(), "hash", "migrate",
                    "--db", db, "--strategy", "sequential", "--algorithm", "argon2", "--calibration", "3s", "--json"));
            // The reference command prints the time its hashing took ("0.033 seconds"), process start excluded.
            List<Double> seconds = new ArrayList<>();
            for (int i = 0; i < ARGON2_HASHES; i++) {
                String printed = Tools.run(List.of("argon2", "somesaltsomesalt", "-id", "-t", "2", "-k", "19456", "-p", "1", "-l", "32"),
                        "calibration" + i);
                Matcher m = ARGON2_SECONDS.matcher(printed);
                if (!m.find()) {
                    throw new IOException("argon2 printed no time: " + printed.strip());
                }
                seconds.add(Double.parseDouble(m.group(1)));
            }
            double median = Ratios.median(seconds);
            double best = seconds.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
            lines.emit("argon2", fields("round", r), fields("tool", "argon2 (reference C, Debian)", "algorithm", "argon2",
                    "memory_kib", 19456, "iterations", 2, "parallelism", 1, "hashes", seconds.size(), "median_s", median, "best_s", best,
                    "single_thread_hps", Ratios.round1(1 / best), "median_hps", Ratios.round1(1 / median)));
        }
    }

    /** The database's cost alone: one iteration a hash, a flat heap, SQLite and PostgreSQL. */
    void pipeline(String pgUrl) throws Exception {
        Map<String, Object> pg = pgSettings(pgUrl);
        System.err.println("pipeline: --iterations 1, -Xmx128m; PostgreSQL " + pg);
        for (int n : new int[] {100_000, 1_000_000}) {
            String sqlite = seedSqlite("p.db", n);
            lines.emit("pipeline", fields("users", n, "xmx", "128m"), Tools.labClient(List.of("-Xmx128m"), "hash", "migrate", "--db", sqlite,
                    "--iterations", "1", "--batch", "5000", "--json"));
            Tools.labClient(List.of(), "hash", "seed", "--db", pgUrl, "--users", Integer.toString(n), "--replace", "--json");
            Map<String, Object> context = fields("users", n, "xmx", "128m");
            context.putAll(pg);
            lines.emit("pipeline", context, Tools.labClient(List.of("-Xmx128m"), "hash", "migrate", "--db", pgUrl,
                    "--iterations", "1", "--batch", "5000", "--json"));
        }
    }

    /** The durability settings the PostgreSQL figures were taken under (the tests' cluster runs with fsync off). */
    private static Map<String, Object> pgSettings(String url) throws SQLException {
        Map<String, Object> settings = fields();
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            for (String name : new String[] {"fsync", "synchronous_commit", "server_version"}) {
                try (ResultSet rs = s.executeQuery("SHOW " + name)) {
                    rs.next();
                    settings.put("pg_" + name, rs.getString(1));
                }
            }
        }
        return settings;
    }

    /** A fresh SQLite table of {@code users} plaintexts in the work folder; its JDBC URL. */
    private String seedSqlite(String file, int users) throws Exception {
        Path db = work.resolve(file);
        for (String suffix : new String[] {"", "-wal", "-shm"}) {
            Files.deleteIfExists(Path.of(db + suffix));
        }
        String url = "jdbc:sqlite:" + db;
        Tools.labClient(List.of(), "hash", "seed", "--db", url, "--users", Integer.toString(users), "--json");
        return url;
    }

    static JsonNode parse(String json) throws IOException {
        return Json.MAPPER.readTree(json);
    }
}
