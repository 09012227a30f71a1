package lab.client.hash.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import lab.client.hash.db.ScratchDatabase;
import lab.server.support.PostgresCluster;
import lab.server.bench.Flags;

/**
 * The password task's bench (./lab bench-hash): every figure appended as one JSON line to
 * {@code results/raw/hash-bench.jsonl} (or {@code --out FILE}), next to what it is compared with.
 * Each Java run is {@code hash migrate --json} in a JVM of its own, as a user starts it (lab-client's
 * main on this class path, with the jar's JVM flags); the outside tools are driven as they are:
 * OpenSSL's PBKDF2 through python3's {@code hashlib}, {@code openssl speed}, the seed's Python answers
 * ({@code python/seed_answers.py}) and Debian's reference {@code argon2}.
 *
 * <ul>
 * <li>{@code engines}: one thread's PBKDF2 per engine (migrate's own calibration, {@code --calibration 3s})
 *     and OpenSSL's, at the same cost, one after the other;</li>
 * <li>{@code limit}: {@code openssl speed -bytes 16384 sha256}, compressions per second of one core;</li>
 * <li>{@code strategies}: sequential, threads 1/2/4/8, virtual 2/100, processes 2 on SQLite, in
 *     interleaved rounds ({@code --users 1400} at 100 000 iterations: about 10 s a run at workers = cores);</li>
 * <li>{@code python}: the seed's answers on the same table, passwords and cost;</li>
 * <li>{@code argon2}: one thread of Argon2id at OWASP's m=19456, t=2, p=1, BouncyCastle against the C reference;</li>
 * <li>{@code pipeline}: {@code --iterations 1} under {@code -Xmx128m} on SQLite and PostgreSQL, 100k and
 *     1M users: the database's cost alone;</li>
 * <li>{@code ratios}: from this run's lines only, the targets, medians over the rounds.</li>
 * </ul>
 *
 * <p>PostgreSQL: {@code --pg ADMIN_URL} works in a scratch database it creates and drops there;
 * without it, the tests' throwaway cluster ({@link PostgresCluster}: started here, stopped at exit;
 * {@code fsync} off, which the pipeline lines record). It measures CPU rates: run it alone.
 *
 * <pre>./lab bench-hash [--iterations 100000] [--users 1400] [--rounds 3]
 *     [--only engines,limit,strategies,python,argon2,pipeline,ratios] [--pg URL] [--python P] [--out FILE]</pre>
 */
public final class HashBench {

    static final List<String> PARTS = List.of("engines", "limit", "strategies", "python", "argon2", "pipeline", "ratios");

    public static void main(String[] args) {
        try {
            run(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
        } catch (Exception e) {
            System.err.println("bench-hash: " + e.getMessage());
            System.exit(1);
        }
    }

    static void run(String[] args) throws Exception {
        Flags.requireKnown("bench-hash", args, "--iterations", "--users", "--rounds", "--only", "--pg", "--python", "--out");
        int iterations = positive(args, "--iterations", 100_000);
        int users = positive(args, "--users", 1400);
        int rounds = positive(args, "--rounds", 3);
        Set<String> only = parts(Flags.string(args, "--only", "all"));
        String python = Flags.string(args, "--python", Tools.defaultPython());
        Path out = Path.of(Flags.string(args, "--out", "results/raw/hash-bench.jsonl")).toAbsolutePath();
        String pg = Flags.string(args, "--pg", null);

        Lines lines = new Lines(out, Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        Path work = Files.createTempDirectory("hash-bench");
        try {
            Runs runs = new Runs(work, lines);
            if (only.contains("engines")) {
                runs.engines(iterations, rounds);
            }
            if (only.contains("limit")) {
                runs.limit();
            }
            if (only.contains("strategies")) {
                runs.strategies(iterations, users, rounds);
            }
            if (only.contains("python")) {
                runs.python(python, iterations, users, rounds);
            }
            if (only.contains("argon2")) {
                runs.argon2(rounds);
            }
            if (only.contains("pipeline")) {
                pipeline(runs, pg);
            }
            if (only.contains("ratios")) {
                lines.emit("ratios", Map.of(), Ratios.of(lines.rows()));
            }
        } finally {
            Tools.deleteTree(work);
        }
        System.err.println("appended to " + out + " (run " + lines.run() + ")");
    }

    private static void pipeline(Runs runs, String adminUrl) throws Exception {
        if (adminUrl == null) {
            runs.pipeline(PostgresCluster.shared().newDatabase());
            return;
        }
        // The user's server: seed --replace would drop a users table there, so work in a scratch database.
        String scratch = ScratchDatabase.create(adminUrl);
        System.err.println("pipeline: PostgreSQL scratch database " + scratch + " (dropped at the end)");
        try {
            runs.pipeline(scratch);
        } finally {
            ScratchDatabase.drop(adminUrl, scratch);
        }
    }

    private static int positive(String[] args, String name, int fallback) {
        int v = Flags.integer(args, name, fallback); // a value that is not a number is refused there, naming the flag
        if (v < 1) {
            throw new IllegalArgumentException("bench-hash: " + name + " must be at least 1, not " + v);
        }
        return v;
    }

    static Set<String> parts(String only) {
        if (only.equals("all")) {
            return Set.copyOf(PARTS);
        }
        List<String> chosen = new ArrayList<>();
        for (String p : only.split(",")) {
            if (!PARTS.contains(p)) {
                throw new IllegalArgumentException("bench-hash: --only takes parts among " + String.join(",", PARTS) + " (or all), not '" + p + "'");
            }
            chosen.add(p);
        }
        return Set.copyOf(chosen);
    }

    /** A map of key/value pairs in order (Map.of has none). */
    static Map<String, Object> fields(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    static String fmt(String pattern, Object... args) {
        return String.format(Locale.ROOT, pattern, args);
    }
}
