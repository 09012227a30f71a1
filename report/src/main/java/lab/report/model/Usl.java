package lab.report.model;

import java.util.List;

/**
 * Gunther's Universal Scalability Law: the throughput of N workers is
 * {@code X(N) = λN / (1 + σ(N-1) + κN(N-1))}, with σ the share of the work that is serialised
 * (contention: Amdahl's term) and κ the cost of keeping workers coherent with each other (crosstalk,
 * which makes throughput fall past a peak at {@code N* = sqrt((1-σ)/κ)}). Fitted by least squares on
 * the linearised form: with λ = X(1), {@code N·λ/X(N) - 1 = σ(N-1) + κN(N-1)}, a regression through
 * the origin on two regressors, solved by the 2x2 normal equations. σ and κ are clamped at 0: a
 * negative value is noise on a machine this small, not superlinear scaling.
 */
public record Usl(double lambda, double sigma, double kappa) {

    /** One measurement: N workers, X hashes (or requests) per second. */
    public record Point(double n, double x) {
    }

    /** Fits the law to points that include N = 1 (its X is λ). */
    public static Usl fit(List<Point> points) {
        double lambda = points.stream().filter(p -> p.n() == 1).mapToDouble(Point::x).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("a USL fit needs the one-worker throughput"));
        double saa = 0;
        double sab = 0;
        double sbb = 0;
        double say = 0;
        double sby = 0;
        for (Point p : points) {
            double a = p.n() - 1;
            double b = p.n() * (p.n() - 1);
            double y = p.n() * lambda / p.x() - 1;
            saa += a * a;
            sab += a * b;
            sbb += b * b;
            say += a * y;
            sby += b * y;
        }
        double det = saa * sbb - sab * sab;
        if (Math.abs(det) < 1e-12) {
            return new Usl(lambda, 0, 0);
        }
        double sigma = (say * sbb - sby * sab) / det;
        double kappa = (saa * sby - sab * say) / det;
        if (kappa < 0) { // refit σ alone: the data show no retrograde part
            kappa = 0;
            sigma = saa == 0 ? 0 : say / saa;
        } else if (sigma < 0) { // refit κ alone: no serial share to speak of, only crosstalk
            sigma = 0;
            kappa = sbb == 0 ? 0 : Math.max(0, sby / sbb);
        }
        return new Usl(lambda, Math.max(0, sigma), kappa);
    }

    /**
     * The law with κ = 0 (Amdahl's): σ alone, by least squares. What two points can tell (one worker
     * and the cores), and what the plan assumes within the cores measured.
     */
    public static Usl fitSerialShare(List<Point> points) {
        Usl full = fit(points); // for λ and the check that N = 1 is there
        double saa = 0;
        double say = 0;
        for (Point p : points) {
            double a = p.n() - 1;
            saa += a * a;
            say += a * (p.n() * full.lambda() / p.x() - 1);
        }
        return new Usl(full.lambda(), saa == 0 ? 0 : Math.max(0, say / saa), 0);
    }

    public double throughput(double n) {
        return lambda * n / (1 + sigma * (n - 1) + kappa * n * (n - 1));
    }

    /** Where throughput peaks; infinite when κ is 0 (it only levels off, towards λ/σ). */
    public double peakWorkers() {
        return kappa == 0 ? Double.POSITIVE_INFINITY : Math.sqrt((1 - sigma) / kappa);
    }
}
