package lab.client.hash.bench;

import static lab.client.hash.bench.HashBench.fields;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;
import lab.client.hash.algorithm.Pbkdf2Engine;

/**
 * The figures from the lines of this run only (the machine is shared: a rate from another
 * run is not a bound for this one). Every figure is the median over the rounds of the one
 * configuration, so one round disturbed by a neighbour moves it no more than a round can;
 * {@code processes_efficiency_rounds} keeps each round's value beside the median.
 */
final class Ratios {

    private Ratios() {
    }

    static Map<String, Object> of(List<JsonNode> rows) {
        int cores = Runtime.getRuntime().availableProcessors();
        List<JsonNode> lab = select(rows, r -> is(r, "engines") && "lab-client".equals(r.path("tool").asText()));
        Map<String, Double> engine = new LinkedHashMap<>();
        for (Pbkdf2Engine e : Pbkdf2Engine.values()) {
            engine.put(e.name(), median(values(lab, r -> r.path("engine_hps").path(e.name()))));
        }
        Double openssl = median(values(select(rows, r -> is(r, "engines") && r.path("tool").asText().startsWith("python3")),
                r -> r.path("hashes_per_s")));
        Double limit = median(values(select(rows, r -> is(r, "limit")), r -> r.path("pbkdf2_iterations_per_s_limit")));
        Double iterations = median(values(lab, r -> r.path("iterations")));
        Double fastest = engine.values().stream().filter(Objects::nonNull).max(Double::compare).orElse(null);

        List<JsonNode> strategies = select(rows, r -> is(r, "strategies"));
        List<JsonNode> processes = select(strategies, r -> at(r, "processes", cores));
        List<JsonNode> python = select(rows, r -> is(r, "python"));
        Double labBest = bestMedian(strategies);
        Double seedAnswer = median(values(select(python, r -> at(r, "py-threads", 100)), r -> r.path("hashes_per_s")));
        Double pythonBest = bestMedian(select(python, r -> !"py-flawed".equals(r.path("strategy").asText())));
        List<JsonNode> argon2 = select(rows, r -> is(r, "argon2"));
        Double bcArgon2 = median(values(select(argon2, r -> r.path("tool").asText().startsWith("lab-client")), r -> r.path("single_thread_hps")));
        Double cArgon2 = median(values(select(argon2, r -> r.path("tool").asText().startsWith("argon2")), r -> r.path("single_thread_hps")));

        return fields("statistic", "median over the rounds of this run",
                "one_thread_hps", engine, "openssl_hps", openssl, "iterations", iterations == null ? null : iterations.longValue(),
                "fastest_engine_vs_openssl", ratio(fastest, openssl), "jdk_vs_openssl", ratio(engine.get("jdk"), openssl),
                "pads_vs_jdk", ratio(engine.get("pads"), engine.get("jdk")), "direct_vs_pads", ratio(engine.get("direct"), engine.get("pads")),
                "fastest_engine_vs_sha256_limit", ratio(times(fastest, iterations), limit),
                "openssl_vs_sha256_limit", ratio(times(openssl, iterations), limit),
                "processes_efficiency", median(values(processes, r -> r.path("efficiency"))),
                "processes_efficiency_rounds", values(processes, r -> r.path("efficiency")),
                "processes_vs_threads", ratio(rate(strategies, "processes", cores), rate(strategies, "threads", cores)),
                "threads_efficiency", median(values(select(strategies, r -> at(r, "threads", cores)), r -> r.path("efficiency"))),
                "lab_best_hps", labBest, "seed_answer_hps", seedAnswer, "python_best_hps", pythonBest,
                "lab_best_vs_seed_answer", ratio(labBest, seedAnswer), "lab_best_vs_python_best", ratio(labBest, pythonBest),
                "py_processes_vs_py_threads", ratio(median(values(select(python, r -> is(r, "python") && "py-processes".equals(r.path("strategy").asText())),
                        r -> r.path("hashes_per_s"))), rate(python, "py-threads", cores)),
                "argon2_bc_hps", bcArgon2, "argon2_reference_c_hps", cArgon2, "argon2_bc_vs_reference_c", ratio(bcArgon2, cArgon2));
    }

    private static boolean is(JsonNode r, String kase) {
        return kase.equals(r.path("case").asText());
    }

    private static boolean at(JsonNode r, String strategy, int workers) {
        return strategy.equals(r.path("strategy").asText()) && r.path("workers").asInt() == workers;
    }

    private static List<JsonNode> select(List<JsonNode> rows, Predicate<JsonNode> keep) {
        return rows.stream().filter(keep).toList();
    }

    private static List<Double> values(List<JsonNode> rows, java.util.function.Function<JsonNode, JsonNode> field) {
        List<Double> v = new ArrayList<>();
        for (JsonNode r : rows) {
            JsonNode n = field.apply(r);
            if (n.isNumber()) {
                v.add(n.asDouble());
            }
        }
        return v;
    }

    private static Double rate(List<JsonNode> rows, String strategy, int workers) {
        return median(values(select(rows, r -> at(r, strategy, workers)), r -> r.path("hashes_per_s")));
    }

    /** The best configuration's median rate: configurations are (strategy, workers). */
    private static Double bestMedian(List<JsonNode> rows) {
        Map<String, List<Double>> by = new LinkedHashMap<>();
        for (JsonNode r : rows) {
            by.computeIfAbsent(r.path("strategy").asText() + ":" + r.path("workers").asInt(), k -> new ArrayList<>())
                    .add(r.path("hashes_per_s").asDouble());
        }
        return by.values().stream().map(Ratios::median).max(Double::compare).orElse(null);
    }

    static Double median(List<Double> values) {
        if (values.isEmpty()) {
            return null;
        }
        double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    private static Double times(Double a, Double b) {
        return a == null || b == null ? null : a * b;
    }

    private static Double ratio(Double a, Double b) {
        return a == null || b == null || b == 0 ? null : Math.round(a / b * 1000) / 1000.0;
    }

    static double round1(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
