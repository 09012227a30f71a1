package lab.report;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A report being written: its markdown and the plots it links to, kept together so that a section
 * adds a plot and the line that shows it in one place. Plots are written under {@code results/plots/}.
 */
public final class Page {

    private final StringBuilder md = new StringBuilder();
    private final Map<String, String> plots = new LinkedHashMap<>();

    public Page text(String s) {
        md.append(s);
        return this;
    }

    public Page line(String s) {
        md.append(s).append('\n');
        return this;
    }

    public Page paragraph(String s) {
        md.append(s).append("\n\n");
        return this;
    }

    /** Adds the plot and a markdown image of it (the page sits in results/, the plots in results/plots/). */
    public Page plot(String file, String alt, String svg) {
        plots.put(file, svg);
        md.append("![").append(alt).append("](plots/").append(file).append(")\n\n");
        return this;
    }

    public String markdown() {
        return md.toString();
    }

    public Map<String, String> plots() {
        return plots;
    }
}
