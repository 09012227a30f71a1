package lab.client.cli;

import java.util.ArrayList;
import java.util.List;

/** A plain text table with aligned columns: the tour's and the reports' way of showing figures. */
public final class Table {

    private final List<String> header;
    private final List<List<String>> rows = new ArrayList<>();

    public Table(String... header) {
        this.header = List.of(header);
    }

    public Table row(Object... cells) {
        if (cells.length != header.size()) {
            throw new IllegalArgumentException("a row of " + cells.length + " cells for " + header.size() + " columns");
        }
        rows.add(java.util.Arrays.stream(cells).map(String::valueOf).toList());
        return this;
    }

    @Override
    public String toString() {
        int[] width = new int[header.size()];
        for (List<String> r : allRows()) {
            for (int i = 0; i < width.length; i++) {
                width[i] = Math.max(width[i], r.get(i).length());
            }
        }
        StringBuilder s = new StringBuilder();
        line(s, header, width);
        line(s, java.util.Arrays.stream(width).mapToObj("-"::repeat).toList(), width);
        rows.forEach(r -> line(s, r, width));
        return s.toString();
    }

    private List<List<String>> allRows() {
        List<List<String>> all = new ArrayList<>(rows);
        all.add(header);
        return all;
    }

    /** First column left-aligned (names), the rest right-aligned (figures). */
    private static void line(StringBuilder s, List<String> cells, int[] width) {
        for (int i = 0; i < cells.size(); i++) {
            String cell = cells.get(i);
            String pad = " ".repeat(width[i] - cell.length());
            s.append(i == 0 ? "  " + cell + pad : "  " + pad + cell);
        }
        s.append('\n');
    }
}
