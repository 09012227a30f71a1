package lab.report.md;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

/** Numbers as the reports print them: a fixed locale, significant digits that suit the figure. */
public final class Num {

    private Num() {
    }

    /** Three significant digits, no exponent, no trailing zeros: 0.00123, 45.6, 1230000 -> "1.23 M". */
    public static String sig(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return "n/a";
        }
        if (v == 0) {
            return "0";
        }
        double a = Math.abs(v);
        if (a >= 1e9) {
            return sig(v / 1e9) + " G";
        }
        if (a >= 1e6) {
            return sig(v / 1e6) + " M";
        }
        return new BigDecimal(v).round(new MathContext(3)).stripTrailingZeros().toPlainString();
    }

    /** A fixed number of decimals. */
    public static String fixed(double v, int decimals) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return "n/a";
        }
        return String.format(Locale.ROOT, "%." + decimals + "f", v);
    }

    /** A score with its confidence half-width: "45.6 ± 1.2 (2.6%)"; "45.6 (no interval)" when JMH gave none. */
    public static String withError(double score, double error) {
        if (Double.isNaN(error)) {
            return sig(score) + " (one sample: no interval)";
        }
        return sig(score) + " ± " + sig(error) + " (" + fixed(100 * error / score, 1) + "%)";
    }

    /** A fraction as a percentage with one decimal. */
    public static String pct(double fraction) {
        return fixed(100 * fraction, 1) + "%";
    }
}
