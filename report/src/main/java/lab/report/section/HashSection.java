package lab.report.section;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import lab.report.Page;
import lab.report.md.Num;
import lab.report.md.Table;
import lab.report.model.Usl;
import lab.report.plot.SvgPlot;
import lab.report.raw.JmhResult;
import lab.report.raw.RawData;

/**
 * Hashing: one thread's cost per engine against the SHA-256 limit, throughput against workers with
 * its bound and a USL fit, and the lab's own migration bench (engines against OpenSSL, strategies,
 * the database pipeline).
 */
public final class HashSection {

    /** One SHA-256 op of the limit benchmark hashes a MiB: 16 384 blocks. */
    static final int BLOCKS_PER_OP = (1 << 20) / 64;
    /** An HMAC with its pads absorbed is two compressions: the inner and the outer hash. */
    static final int COMPRESSIONS_PER_ITERATION = 2;

    private HashSection() {
    }

    /** PBKDF2 iterations per second one core can reach at most, from the SHA-256 benchmark; empty if it has not run. */
    public static Optional<Double> iterationLimit(RawData data) {
        return data.jmh("Sha256LimitBenchmark").stream().findFirst()
                .map(r -> r.score() * BLOCKS_PER_OP / COMPRESSIONS_PER_ITERATION);
    }

    /** The fastest engine's PBKDF2 iterations per second on one thread, with its name. */
    public static Optional<JmhResult> fastestEngine(RawData data) {
        return data.jmh("Pbkdf2EngineBenchmark").stream()
                .max((a, b) -> Double.compare(a.score() * iterationsOf(a), b.score() * iterationsOf(b)));
    }

    public static double iterationsOf(JmhResult r) {
        return Double.parseDouble(r.param("iterations"));
    }

    /** The workers curve: strategy -> (workers -> result). */
    static TreeMap<String, TreeMap<Integer, JmhResult>> workers(RawData data) {
        TreeMap<String, TreeMap<Integer, JmhResult>> curves = new TreeMap<>();
        for (JmhResult r : data.jmh("HashWorkersBenchmark")) {
            String[] p = r.param("workers").split(":");
            curves.computeIfAbsent(p[0], k -> new TreeMap<>()).put(Integer.parseInt(p[1]), r);
        }
        return curves;
    }

    /** The USL fitted to the platform-thread curve (N = 1 taken from sequential when threads:1 is absent). */
    public static Optional<Usl> threadsFit(RawData data) {
        TreeMap<Integer, JmhResult> threads = workers(data).get("threads");
        if (threads == null || !threads.containsKey(1) || threads.size() < 3) {
            return Optional.empty();
        }
        List<Usl.Point> points = new ArrayList<>();
        threads.forEach((n, r) -> points.add(new Usl.Point(n, r.score())));
        return Optional.of(Usl.fit(points));
    }

    public static void render(Page page, RawData data, int cores) {
        page.line("## Hashing").line("");
        page.paragraph("PBKDF2-HMAC-SHA256 and Argon2id, one thread and many. The bound of one thread is the "
                + "SHA-256 limit (two compressions per PBKDF2 iteration at the JDK's fastest SHA-256); the bound of "
                + "K workers on " + cores + " cores is `min(K, cores) × the one-thread rate`.");
        engines(page, data);
        iterationCost(page, data);
        workersTable(page, data, cores);
        labBench(page, data);
    }

    private static void engines(Page page, RawData data) {
        List<JmhResult> engines = data.jmh("Pbkdf2EngineBenchmark");
        Optional<Double> limit = iterationLimit(data);
        if (engines.isEmpty() && limit.isEmpty()) {
            return;
        }
        page.line("### One thread: engines against the SHA-256 limit").line("");
        Table t = new Table("engine", "hashes/s (99.9% CI)", "at iterations", "PBKDF2 iterations/s", "SHA-256 limit (iterations/s)",
                "share of the limit");
        for (JmhResult r : engines) {
            double its = r.score() * iterationsOf(r);
            t.row(r.param("engine"), Num.withError(r.score(), r.error()), r.param("iterations"), Num.sig(its),
                    limit.map(Num::sig).orElse("n/a"), limit.map(l -> Num.fixed(its / l, 2)).orElse("n/a"));
        }
        data.jmh("Argon2idBenchmark").forEach(r -> t.row("argon2id (BouncyCastle, m=19456 KiB, t=2, p=1)",
                Num.withError(r.score(), r.error()), "OWASP minimum", "n/a", "memory-bound", "n/a"));
        page.text(t.render());
        limit.ifPresent(l -> page.paragraph("The limit: `Sha256LimitBenchmark` hashes a MiB per operation, "
                + Num.sig(l * COMPRESSIONS_PER_ITERATION) + " compressions of 64 bytes per second on one core; PBKDF2 "
                + "needs two per iteration, so no engine passes " + Num.sig(l) + " iterations/s."));
        page.text(Source.of("jmh/Pbkdf2EngineBenchmark.json, jmh/Sha256LimitBenchmark.json, jmh/Argon2idBenchmark.json",
                "mvn -pl jmh exec:java"));
    }

    /**
     * One iteration's time, engine by engine, beside two compressions at the limit and what
     * {@code MessageDigest}'s clones cost alone: where the time between an engine and the limit goes.
     */
    private static void iterationCost(Page page, RawData data) {
        List<JmhResult> calls = data.jmh("DigestCallCostBenchmark");
        Optional<Double> limit = iterationLimit(data);
        if (calls.isEmpty() || limit.isEmpty()) {
            return;
        }
        page.line("### One iteration: where the time goes").line("");
        Table t = new Table("what", "ns", "bytes allocated", "source");
        t.row("two SHA-256 compressions at the limit", Num.sig(1e9 / limit.get()), "0", "`Sha256LimitBenchmark` (1 MiB per op)");
        for (JmhResult r : data.jmh("Pbkdf2EngineBenchmark")) {
            double its = iterationsOf(r);
            t.row("one iteration of `" + r.param("engine") + "`", Num.sig(1e9 / (r.score() * its)),
                    r.bytesPerOp().isPresent() ? Num.sig(r.bytesPerOp().getAsDouble() / its) : "n/a",
                    "`Pbkdf2EngineBenchmark` (op / " + r.param("iterations") + ")");
        }
        for (JmhResult r : calls) {
            t.row("`" + r.method() + "`", Num.withError(r.score(), r.error()),
                    r.bytesPerOp().isPresent() ? Num.sig(r.bytesPerOp().getAsDouble()) : "n/a", "`DigestCallCostBenchmark`");
        }
        page.text(t.render());
        page.paragraph("`clonePair` is the two `MessageDigest.clone()` calls an iteration of `pads` needs (a digest cannot be "
                + "set to a state), `hmacByClones` a whole iteration that way (clones, updates, digests into a reused array); "
                + "`direct` copies two kept states into one digest and calls the JDK's compression itself, on one "
                + "preformatted block.");
        page.text(Source.of("jmh/Sha256LimitBenchmark.json, jmh/Pbkdf2EngineBenchmark.json, jmh/DigestCallCostBenchmark.json",
                "./lab jmh -Djmh.include='Sha256|Pbkdf2|DigestCallCost'"));
    }

    private static void workersTable(Page page, RawData data, int cores) {
        TreeMap<String, TreeMap<Integer, JmhResult>> curves = workers(data);
        if (curves.isEmpty()) {
            return;
        }
        double single = oneThread(curves);
        page.line("### Workers: throughput against the bound").line("");
        Table t = new Table("strategy", "workers", "hashes/s (99.9% CI)", "bound `min(K, cores) × one thread`", "efficiency");
        JmhResult best = null;
        for (var curve : curves.entrySet()) {
            for (var point : curve.getValue().entrySet()) {
                JmhResult r = point.getValue();
                double bound = Math.min(point.getKey(), cores) * single;
                t.row(curve.getKey(), point.getKey(), Num.withError(r.score(), r.error()), Num.sig(bound),
                        Num.fixed(r.score() / bound, 3));
                if (best == null || r.score() > best.score()) {
                    best = r;
                }
            }
        }
        page.text(t.render());
        Optional<Usl> fit = threadsFit(data);
        if (best != null) {
            page.paragraph("Best measured: `" + best.param("workers") + "` at " + Num.sig(best.score()) + " hashes/s, "
                    + Num.fixed(best.score() / (cores * single), 3) + " of the " + cores + "-core bound. "
                    + fit.map(u -> "USL fit of the platform threads: λ = " + Num.sig(u.lambda()) + " hashes/s, σ = "
                    + Num.fixed(u.sigma(), 4) + ", κ = " + Num.fixed(u.kappa(), 4) + "; peak at N* = "
                    + (Double.isInfinite(u.peakWorkers()) ? "∞ (no retrograde part: throughput levels off)" : Num.fixed(u.peakWorkers(), 1))
                    + ". Past the cores the curve is flat, not rising: a CPU-bound hash never waits, so a worker more "
                    + "than the cores only shares a core with another.").orElse(""));
        }
        page.plot("hash-workers.svg", "hashing throughput against workers", workersPlot(curves, single, cores, fit));
        page.text(Source.of("jmh/HashWorkersBenchmark.json", "mvn -pl jmh exec:java"));
    }

    /**
     * The one-thread rate the bound is built on: the better of {@code sequential:1} and {@code threads:1},
     * which do the same work; taking the lower would let noise put a measurement above its bound.
     */
    static double oneThread(TreeMap<String, TreeMap<Integer, JmhResult>> curves) {
        double best = Double.NaN;
        for (String s : new String[] {"sequential", "threads"}) {
            JmhResult r = curves.getOrDefault(s, new TreeMap<>()).get(1);
            if (r != null && !(r.score() <= best)) {
                best = r.score();
            }
        }
        return best;
    }

    private static String workersPlot(TreeMap<String, TreeMap<Integer, JmhResult>> curves, double single, int cores,
                                      Optional<Usl> fit) {
        int maxN = curves.values().stream().filter(c -> c.lastKey() < 50).mapToInt(TreeMap::lastKey).max().orElse(1);
        List<SvgPlot.Series> series = new ArrayList<>();
        String[] colors = {"#1f77b4", "#2ca02c", "#d62728", "#9467bd"};
        int i = 0;
        for (var curve : curves.entrySet()) {
            TreeMap<Integer, JmhResult> pts = new TreeMap<>(curve.getValue().headMap(maxN, true));
            if (pts.isEmpty()) {
                continue;
            }
            series.add(new SvgPlot.Series(curve.getKey(), colors[i++ % colors.length], false,
                    pts.keySet().stream().mapToDouble(Integer::doubleValue).toArray(),
                    pts.values().stream().mapToDouble(JmhResult::score).toArray(),
                    pts.values().stream().mapToDouble(r -> Double.isNaN(r.error()) ? 0 : r.error()).toArray()));
        }
        double[] xs = new double[maxN];
        double[] bound = new double[maxN];
        for (int n = 1; n <= maxN; n++) {
            xs[n - 1] = n;
            bound[n - 1] = Math.min(n, cores) * single;
        }
        series.add(new SvgPlot.Series("bound", "#7f7f7f", true, xs, bound)); // min(K, cores) x one thread
        fit.ifPresent(u -> series.add(new SvgPlot.Series("USL fit (threads)", "#ff7f0e", true, xs,
                java.util.Arrays.stream(xs).map(u::throughput).toArray())));
        return new SvgPlot("PBKDF2 (20 000 iterations) throughput against workers, " + cores + " cores", "workers", maxN)
                .panel(new SvgPlot.Panel("hashes per second (JMH, 99.9% CI bars)", "hashes/s", series)).render();
    }

    private static void labBench(Page page, RawData data) {
        List<JsonNode> rows = data.claim("hash-bench.jsonl");
        if (rows.isEmpty()) {
            return;
        }
        page.line("### The migration bench (`hash migrate` on a real database)").line("");
        Table t = new Table("case", "tool / strategy", "workers", "db", "iterations", "hashed", "hashes/s", "bound hashes/s",
                "efficiency", "round");
        for (JsonNode r : rows) {
            String c = r.path("case").asText();
            if (c.equals("limit")) {
                continue;
            }
            t.row(c, r.has("tool") && !r.path("tool").asText().equals("lab-client") ? r.path("tool").asText()
                            : r.path("strategy").asText(), text(r, "workers"), text(r, "db"), text(r, "iterations"),
                    text(r, "hashed"), text(r, "hashes_per_s"), text(r, "bound_hps"), text(r, "efficiency"), text(r, "round"));
        }
        page.text(t.render());
        for (JsonNode r : rows) {
            if (r.path("case").asText().equals("limit")) {
                page.paragraph("OpenSSL's limit in the same run (`" + r.path("tool").asText() + "`): "
                        + Num.sig(r.path("compressions_per_s").asDouble()) + " compressions/s, "
                        + Num.sig(r.path("pbkdf2_iterations_per_s_limit").asDouble()) + " PBKDF2 iterations/s.");
            }
        }
        ratios(page, rows);
        page.text(Source.of("hash-bench.jsonl", "./lab bench-hash"));
    }

    /** The figures from each run's {@code ratios} line (medians over that run's rounds), each beside its target. */
    private static void ratios(Page page, List<JsonNode> rows) {
        for (JsonNode r : rows) {
            if (!r.path("case").asText().equals("ratios")) {
                continue;
            }
            page.paragraph("Run " + r.path("run").asText() + " (" + r.path("statistic").asText("best of the rounds") + "): one thread's "
                    + "fastest engine " + text(r, "fastest_engine_vs_openssl") + " × OpenSSL's PBKDF2 (target 1.5), "
                    + text(r, "fastest_engine_vs_sha256_limit") + " of the SHA-256 limit (goal 0.5); `processes` at workers = cores "
                    + text(r, "processes_efficiency") + " of its bound (target 0.90"
                    + (r.has("processes_efficiency_rounds") ? "; rounds " + r.path("processes_efficiency_rounds").toString() : "")
                    + "), threads " + text(r, "threads_efficiency") + "; the lab's best " + text(r, "lab_best_vs_seed_answer")
                    + " × the seed's Python answer (target 1.5).");
        }
    }

    static String text(JsonNode r, String field) {
        JsonNode v = r.path(field);
        return v.isMissingNode() || v.isNull() ? "" : v.isNumber() ? Num.sig(v.asDouble()) : v.asText();
    }
}
