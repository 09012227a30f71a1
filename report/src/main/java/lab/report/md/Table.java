package lab.report.md;

import java.util.ArrayList;
import java.util.List;

/** A markdown table: a header, rows of cells, each cell's pipes escaped. */
public final class Table {

    private final List<String> header;
    private final List<List<String>> rows = new ArrayList<>();

    public Table(String... header) {
        this.header = List.of(header);
    }

    public Table row(Object... cells) {
        if (cells.length != header.size()) {
            throw new IllegalArgumentException("a row of " + cells.length + " cells under " + header.size() + " columns");
        }
        List<String> row = new ArrayList<>();
        for (Object c : cells) {
            row.add(String.valueOf(c).replace("|", "\\|").replace("\n", " "));
        }
        rows.add(row);
        return this;
    }

    public boolean isEmpty() {
        return rows.isEmpty();
    }

    public String render() {
        StringBuilder s = new StringBuilder();
        line(s, header);
        s.append('|');
        header.forEach(h -> s.append(" --- |"));
        s.append('\n');
        rows.forEach(r -> line(s, r));
        return s.append('\n').toString();
    }

    private static void line(StringBuilder s, List<String> cells) {
        s.append('|');
        cells.forEach(c -> s.append(' ').append(c).append(" |"));
        s.append('\n');
    }
}
