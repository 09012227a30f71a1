package lab.report.plot;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Horizontal bars with error whiskers and an optional reference line (a bound at 1.0, say): one bar
 * per labelled case, for figures whose x is a category rather than a number. Hand-written, like
 * {@link SvgPlot} and for the same reason: the same input must give the same bytes.
 */
public final class BarChart {

    /** One bar: its label, value, confidence half-width (NaN for none) and colour. */
    public record Bar(String label, double value, double error, String color) {
    }

    private static final int WIDTH = 760;
    private static final int LEFT = 210;
    private static final int RIGHT = 40;
    private static final int TOP = 56;
    private static final int ROW = 24;

    private final String title;
    private final String xLabel;
    private final List<Bar> bars = new ArrayList<>();
    private Double reference;
    private String referenceLabel;

    public BarChart(String title, String xLabel) {
        this.title = title;
        this.xLabel = xLabel;
    }

    public BarChart bar(Bar bar) {
        bars.add(bar);
        return this;
    }

    public BarChart reference(double x, String label) {
        this.reference = x;
        this.referenceLabel = label;
        return this;
    }

    public String render() {
        double max = reference == null ? 0 : reference;
        for (Bar b : bars) {
            max = Math.max(max, b.value() + (Double.isNaN(b.error()) ? 0 : b.error()));
        }
        max = Ticks.niceCeiling(max);
        int plotWidth = WIDTH - LEFT - RIGHT;
        int plotHeight = bars.size() * ROW;
        int height = TOP + plotHeight + 50;
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                + "viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"12\">%n", WIDTH, height, WIDTH, height));
        svg.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        text(svg, WIDTH / 2.0, 24, "middle", 15, title);
        for (double x : Ticks.of(max)) {
            double px = LEFT + plotWidth * x / max;
            svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#e5e5e5\"/>%n",
                    px, TOP, px, TOP + plotHeight));
            text(svg, px, TOP + plotHeight + 15, "middle", 11, Ticks.label(x));
        }
        for (int i = 0; i < bars.size(); i++) {
            Bar b = bars.get(i);
            double y = TOP + i * ROW;
            double w = plotWidth * Math.max(0, b.value()) / max;
            svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%.1f\" width=\"%.1f\" height=\"%d\" fill=\"%s\"/>%n",
                    LEFT, y + 4, w, ROW - 8, b.color()));
            text(svg, LEFT - 6, y + ROW / 2.0 + 4, "end", 11, b.label());
            if (!Double.isNaN(b.error())) {
                double lo = LEFT + plotWidth * Math.max(0, b.value() - b.error()) / max;
                double hi = LEFT + plotWidth * Math.min(max, b.value() + b.error()) / max;
                double mid = y + ROW / 2.0;
                svg.append(String.format(Locale.ROOT, "<path d=\"M%.1f %.1fH%.1fM%.1f %.1fV%.1fM%.1f %.1fV%.1f\" "
                        + "stroke=\"#222\" fill=\"none\"/>%n", lo, mid, hi, lo, mid - 5, mid + 5, hi, mid - 5, mid + 5));
            }
        }
        svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" stroke=\"#444\"/>%n",
                LEFT, TOP, plotWidth, plotHeight));
        if (reference != null) {
            double px = LEFT + plotWidth * reference / max;
            svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#e67e22\" "
                    + "stroke-width=\"1.5\" stroke-dasharray=\"6 4\"/>%n", px, TOP - 6, px, TOP + plotHeight));
            text(svg, px, TOP - 10, "middle", 11, referenceLabel);
        }
        text(svg, LEFT + plotWidth / 2.0, TOP + plotHeight + 34, "middle", 11, xLabel);
        return svg.append("</svg>\n").toString();
    }

    private static void text(StringBuilder svg, double x, double y, String anchor, int size, String content) {
        svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\" font-size=\"%d\">%s</text>%n",
                x, y, anchor, size, SvgPlot.escape(content)));
    }
}
