package lab.report.plot;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** Round axis ends and tick steps (1, 2 or 5 times a power of ten), so that ticks read as plain numbers. */
public final class Ticks {

    private Ticks() {
    }

    /** The step for about five ticks from 0 to {@code max}. */
    public static double step(double max) {
        if (!(max > 0)) {
            return 1;
        }
        double raw = max / 5;
        double power = Math.pow(10, Math.floor(Math.log10(raw)));
        double unit = raw / power;
        double nice = unit <= 1 ? 1 : unit <= 2 ? 2 : unit <= 5 ? 5 : 10;
        return nice * power;
    }

    /** The smallest multiple of the step at or above {@code max}; 1 for an empty range. */
    public static double niceCeiling(double max) {
        if (!(max > 0)) {
            return 1;
        }
        double step = step(max);
        return Math.ceil(max / step - 1e-9) * step;
    }

    /** Ticks from 0 to {@code max} inclusive. */
    public static List<Double> of(double max) {
        double step = step(max);
        List<Double> ticks = new ArrayList<>();
        for (int i = 0; i * step <= max * (1 + 1e-9); i++) {
            ticks.add(i * step);
        }
        return ticks;
    }

    /** 40, 0.5, 2.5: no trailing zeros, no exponent. */
    public static String label(double value) {
        return new BigDecimal(Double.toString(Math.round(value * 1e6) / 1e6)).stripTrailingZeros().toPlainString();
    }
}
