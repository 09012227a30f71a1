package lab.client.hash.algorithm;

import java.util.ArrayList;
import java.util.List;

/**
 * How expensive one hash is: the algorithm and its cost parameters. PBKDF2 reads only
 * {@code iterations}; Argon2id reads {@code iterations} (t), {@code memoryKib} (m) and
 * {@code parallelism} (p). The defaults are OWASP's: 600 000 iterations for PBKDF2-HMAC-SHA256
 * (about 0.13 s of one core here), and m=19456 KiB, t=2, p=1 for Argon2id.
 */
public record Cost(Algorithm algorithm, int iterations, int memoryKib, int parallelism) {

    public static final int PBKDF2_ITERATIONS = 600_000;
    public static final int ARGON2_MEMORY_KIB = 19_456;
    public static final int ARGON2_ITERATIONS = 2;
    public static final int ARGON2_PARALLELISM = 1;

    public Cost {
        if (iterations < 1) {
            throw new IllegalArgumentException("--iterations must be at least 1, not " + iterations);
        }
        if (algorithm == Algorithm.argon2) {
            if (parallelism < 1 || parallelism > 255) {
                throw new IllegalArgumentException("--parallelism must be 1..255, not " + parallelism);
            }
            if (memoryKib < 8 * parallelism) {
                throw new IllegalArgumentException("--memory-kib must be at least 8 x parallelism (" + 8 * parallelism + "), not " + memoryKib);
            }
        }
    }

    /** The cost from the command line: {@code null} for a flag not given, which takes the algorithm's default. */
    public static Cost of(Algorithm algorithm, Integer iterations, Integer memoryKib, Integer parallelism) {
        return switch (algorithm) {
            case pbkdf2 -> new Cost(algorithm, orElse(iterations, PBKDF2_ITERATIONS), 0, 0);
            case argon2 -> new Cost(algorithm, orElse(iterations, ARGON2_ITERATIONS),
                    orElse(memoryKib, ARGON2_MEMORY_KIB), orElse(parallelism, ARGON2_PARALLELISM));
        };
    }

    public static Cost pbkdf2(int iterations) {
        return new Cost(Algorithm.pbkdf2, iterations, 0, 0);
    }

    public static Cost argon2(int memoryKib, int iterations, int parallelism) {
        return new Cost(Algorithm.argon2, iterations, memoryKib, parallelism);
    }

    /** The same cost as command-line flags, to hand to a child process. */
    public List<String> toFlags() {
        List<String> flags = new ArrayList<>(List.of("--algorithm", algorithm.name(), "--iterations", Integer.toString(iterations)));
        if (algorithm == Algorithm.argon2) {
            flags.addAll(List.of("--memory-kib", Integer.toString(memoryKib), "--parallelism", Integer.toString(parallelism)));
        }
        return flags;
    }

    /** As the PHC string writes it, for summaries: {@code i=600000} or {@code m=19456,t=2,p=1}. */
    @Override
    public String toString() {
        return algorithm == Algorithm.pbkdf2 ? "pbkdf2 i=" + iterations
                : "argon2id m=" + memoryKib + ",t=" + iterations + ",p=" + parallelism;
    }

    private static int orElse(Integer value, int fallback) {
        return value == null ? fallback : value;
    }
}
