package lab.report.section;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import lab.report.Page;
import lab.report.md.Num;
import lab.report.md.Table;
import lab.report.raw.RawData;

/**
 * Every raw file no section claimed, as it stands: a column per top-level scalar field (nested
 * objects flattened one level, e.g. {@code latency_ms.p99}). This is how a new bench's rows reach the
 * report before anyone writes a section for it.
 */
public final class OtherSection {

    private static final int MAX_COLUMNS = 14;

    private OtherSection() {
    }

    public static void render(Page page, RawData data) {
        List<String> files = data.unclaimed();
        if (files.isEmpty()) {
            return;
        }
        page.line("## Other runs").line("");
        page.paragraph("Raw files that no section above reads yet, shown field by field.");
        for (String file : files) {
            List<JsonNode> rows = data.claim(file);
            page.line("### `" + file + "`").line("");
            List<String> columns = columns(rows);
            Table t = new Table(columns.toArray(String[]::new));
            for (JsonNode r : rows) {
                Object[] cells = new Object[columns.size()];
                for (int i = 0; i < cells.length; i++) {
                    cells[i] = cell(at(r, columns.get(i)));
                }
                t.row(cells);
            }
            page.text(t.render());
            page.text("<sub>Source: `results/raw/" + file + "`.</sub>\n\n");
        }
    }

    private static List<String> columns(List<JsonNode> rows) {
        Set<String> names = new LinkedHashSet<>();
        for (JsonNode r : rows) {
            for (Map.Entry<String, JsonNode> e : r.properties()) {
                if (e.getValue().isObject()) {
                    e.getValue().properties().forEach(n -> {
                        if (n.getValue().isValueNode()) {
                            names.add(e.getKey() + "." + n.getKey());
                        }
                    });
                } else if (e.getValue().isValueNode()) {
                    names.add(e.getKey());
                }
            }
        }
        return new ArrayList<>(names).subList(0, Math.min(MAX_COLUMNS, names.size()));
    }

    private static JsonNode at(JsonNode r, String column) {
        int dot = column.indexOf('.');
        return dot < 0 ? r.path(column) : r.path(column.substring(0, dot)).path(column.substring(dot + 1));
    }

    private static String cell(JsonNode v) {
        if (v.isMissingNode() || v.isNull()) {
            return "";
        }
        return v.isNumber() ? Num.sig(v.asDouble()) : v.asText();
    }
}
