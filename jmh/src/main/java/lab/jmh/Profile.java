package lab.jmh;

import java.util.Locale;

/**
 * How long the suite measures. {@code quick} is what `mvn -pl jmh exec:java` runs: one fork and a few
 * short iterations per benchmark, at most ten minutes on two cores, wide enough error bars to say so.
 * {@code full} (`-Pfull`) is for a quiet machine: three forks, so the error bar includes the
 * run-to-run variance of JIT decisions and memory layout, not only the noise within one JVM.
 */
public enum Profile {
    QUICK(1, 3, 6, 1, 2, 5),
    FULL(3, 5, 5, 2, 3, 10);

    final int forks;
    final int warmups;
    final int measurements;
    final int seconds;
    final int singleShotWarmups;
    final int singleShotMeasurements;

    Profile(int forks, int warmups, int measurements, int seconds, int singleShotWarmups, int singleShotMeasurements) {
        this.forks = forks;
        this.warmups = warmups;
        this.measurements = measurements;
        this.seconds = seconds;
        this.singleShotWarmups = singleShotWarmups;
        this.singleShotMeasurements = singleShotMeasurements;
    }

    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Profile of(String word) {
        for (Profile p : values()) {
            if (p.word().equals(word)) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown profile '" + word + "' (allowed: quick, full)");
    }
}
