package lab.report.model;

import java.util.List;

/**
 * A mean with the 99.9% confidence half-width JMH reports for its own scores (Student's t, two-sided,
 * n - 1 degrees of freedom), so that figures the lab computes from per-run files carry error bars of
 * the same meaning as JMH's. The t quantiles are tabulated (0.9995 quantile): with 4 runs the
 * half-width is 12.9 standard errors, which is why a quick run's bars are wide.
 */
public record Interval(double mean, double halfWidth, int n) {

    /** t(0.9995, df) for df = 1..30; past 30, the normal quantile 3.291 is within 3%. */
    private static final double[] T = {636.62, 31.599, 12.924, 8.610, 6.869, 5.959, 5.408, 5.041, 4.781, 4.587,
        4.437, 4.318, 4.221, 4.140, 4.073, 4.015, 3.965, 3.922, 3.883, 3.850, 3.819, 3.792, 3.768, 3.745, 3.725,
        3.707, 3.690, 3.674, 3.659, 3.646};

    public static Interval of(List<Double> values) {
        int n = values.size();
        if (n == 0) {
            return new Interval(Double.NaN, Double.NaN, 0);
        }
        double mean = values.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        if (n == 1) {
            return new Interval(mean, Double.NaN, 1);
        }
        double ss = values.stream().mapToDouble(v -> (v - mean) * (v - mean)).sum();
        double sd = Math.sqrt(ss / (n - 1));
        double t = n - 1 <= T.length ? T[n - 2] : 3.291;
        return new Interval(mean, t * sd / Math.sqrt(n), n);
    }
}
