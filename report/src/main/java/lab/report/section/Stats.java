package lab.report.section;

import java.util.List;

/** Medians and ranges over repeated runs: on a small noisy machine the median of rounds is the figure, the range its spread. */
final class Stats {

    private Stats() {
    }

    static double median(List<Double> values) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int n = v.length;
        return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    }

    static double min(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
    }

    static double max(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
    }

    /** "0.976 (0.971–0.981)" for several values, the value alone for one. */
    static String medianRange(List<Double> values, int decimals) {
        String m = lab.report.md.Num.fixed(median(values), decimals);
        if (values.size() < 2) {
            return m;
        }
        return m + " (" + lab.report.md.Num.fixed(min(values), decimals) + "–" + lab.report.md.Num.fixed(max(values), decimals) + ")";
    }

}
