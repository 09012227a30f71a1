package lab.report.plot;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A few stacked line charts sharing one x axis, written as SVG text. Hand-written rather than a
 * charting library because the output must be byte-identical on every run (the results are
 * regenerated and compared with the committed ones), and a library that stamps ids, fonts or
 * dates into its files would break that; three panels of lines need very little code.
 */
public final class SvgPlot {

    /**
     * A line through points; {@code dashed} for models and bounds, solid with dots for measurements.
     * {@code errors}, when not null, is each point's half-width (a JMH confidence interval, say),
     * drawn as a vertical bar through the point.
     */
    public record Series(String label, String color, boolean dashed, double[] xs, double[] ys, double[] errors) {
        public Series(String label, String color, boolean dashed, double[] xs, double[] ys) {
            this(label, color, dashed, xs, ys, null);
        }
    }

    /** A panel: a title, a y-axis label, its series and the y range (from 0). */
    public record Panel(String title, String yLabel, List<Series> series) {
    }

    private static final int WIDTH = 760;
    private static final int PANEL_HEIGHT = 210;
    private static final int LEFT = 70;
    private static final int RIGHT = 190;
    private static final int TOP = 50;
    private static final int GAP = 60;

    private final String title;
    private final String xLabel;
    private final double xMax;
    private final List<Panel> panels = new ArrayList<>();
    private final List<double[]> markers = new ArrayList<>();
    private final List<String> markerLabels = new ArrayList<>();

    public SvgPlot(String title, String xLabel, double xMax) {
        this.title = title;
        this.xLabel = xLabel;
        this.xMax = Ticks.niceCeiling(xMax);
    }

    public SvgPlot panel(Panel panel) {
        panels.add(panel);
        return this;
    }

    /** A vertical line across every panel at {@code x}. */
    public SvgPlot marker(double x, String label) {
        markers.add(new double[] {x});
        markerLabels.add(label);
        return this;
    }

    public String render() {
        int height = TOP + panels.size() * (PANEL_HEIGHT + GAP) + 10;
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(WIDTH).append("\" height=\"").append(height)
                .append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(height)
                .append("\" font-family=\"sans-serif\" font-size=\"12\">\n");
        svg.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        text(svg, WIDTH / 2.0, 24, "middle", 15, title);
        for (int i = 0; i < panels.size(); i++) {
            renderPanel(svg, panels.get(i), TOP + i * (PANEL_HEIGHT + GAP));
        }
        svg.append("</svg>\n");
        return svg.toString();
    }

    private void renderPanel(StringBuilder svg, Panel panel, int top) {
        double yMax = 0;
        for (Series s : panel.series()) {
            for (int i = 0; i < s.ys().length; i++) {
                yMax = Math.max(yMax, s.ys()[i] + (s.errors() == null ? 0 : s.errors()[i]));
            }
        }
        yMax = Ticks.niceCeiling(yMax);
        int plotWidth = WIDTH - LEFT - RIGHT;
        Frame f = new Frame(LEFT, top, plotWidth, PANEL_HEIGHT, xMax, yMax);
        text(svg, LEFT, top - 8, "start", 13, panel.title());
        for (double y : Ticks.of(yMax)) {
            double py = f.py(y);
            line(svg, LEFT, py, LEFT + plotWidth, py, "#e5e5e5", false, 1);
            text(svg, LEFT - 6, py + 4, "end", 11, Ticks.label(y));
        }
        for (double x : Ticks.of(xMax)) {
            double px = f.px(x);
            line(svg, px, top, px, top + PANEL_HEIGHT, "#f0f0f0", false, 1);
            text(svg, px, top + PANEL_HEIGHT + 15, "middle", 11, Ticks.label(x));
        }
        svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" stroke=\"#444\"/>%n",
                LEFT, top, plotWidth, PANEL_HEIGHT));
        text(svg, LEFT + plotWidth / 2.0, top + PANEL_HEIGHT + 32, "middle", 11, xLabel);
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" text-anchor=\"middle\" font-size=\"11\" "
                + "transform=\"rotate(-90 %d %.1f)\">%s</text>%n", 18, top + PANEL_HEIGHT / 2.0, 18,
                top + PANEL_HEIGHT / 2.0, escape(panel.yLabel())));
        for (int i = 0; i < markers.size(); i++) {
            double px = f.px(markers.get(i)[0]);
            line(svg, px, top, px, top + PANEL_HEIGHT, "#e67e22", true, 1.5);
        }
        int legendY = top + 12;
        for (Series s : panel.series()) {
            polyline(svg, f, s);
            line(svg, LEFT + plotWidth + 12, legendY - 4, LEFT + plotWidth + 36, legendY - 4, s.color(), s.dashed(), 2);
            text(svg, LEFT + plotWidth + 42, legendY, "start", 11, s.label());
            legendY += 18;
        }
        for (String label : markerLabels) {
            line(svg, LEFT + plotWidth + 12, legendY - 4, LEFT + plotWidth + 36, legendY - 4, "#e67e22", true, 1.5);
            text(svg, LEFT + plotWidth + 42, legendY, "start", 11, label);
            legendY += 18;
        }
    }

    private static void polyline(StringBuilder svg, Frame f, Series s) {
        StringBuilder points = new StringBuilder();
        for (int i = 0; i < s.xs().length; i++) {
            if (i > 0) {
                points.append(' ');
            }
            points.append(String.format(Locale.ROOT, "%.1f,%.1f", f.px(s.xs()[i]), f.py(s.ys()[i])));
        }
        svg.append("<polyline fill=\"none\" stroke=\"").append(s.color()).append("\" stroke-width=\"2\"")
                .append(s.dashed() ? " stroke-dasharray=\"6 4\"" : "").append(" points=\"").append(points).append("\"/>\n");
        if (s.errors() != null) {
            for (int i = 0; i < s.xs().length; i++) {
                double px = f.px(s.xs()[i]);
                line(svg, px, f.py(s.ys()[i] - s.errors()[i]), px, f.py(s.ys()[i] + s.errors()[i]), s.color(), false, 1);
            }
        }
        if (!s.dashed()) {
            for (int i = 0; i < s.xs().length; i++) {
                svg.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"%s\"/>%n",
                        f.px(s.xs()[i]), f.py(s.ys()[i]), s.color()));
            }
        }
    }

    private static void line(StringBuilder svg, double x1, double y1, double x2, double y2, String color, boolean dashed,
                             double width) {
        svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" stroke-width=\"%s\"%s/>%n",
                x1, y1, x2, y2, color, Ticks.label(width), dashed ? " stroke-dasharray=\"6 4\"" : ""));
    }

    private static void text(StringBuilder svg, double x, double y, String anchor, int size, String content) {
        svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\" font-size=\"%d\">%s</text>%n",
                x, y, anchor, size, escape(content)));
    }

    public static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /** Data coordinates to pixels; y grows downwards in SVG. Points past the range are clamped to the frame. */
    private record Frame(int left, int top, int width, int height, double xMax, double yMax) {
        double px(double x) {
            return left + width * Math.min(Math.max(x, 0), xMax) / xMax;
        }

        double py(double y) {
            return top + height - height * Math.min(Math.max(y, 0), yMax) / yMax;
        }
    }
}
