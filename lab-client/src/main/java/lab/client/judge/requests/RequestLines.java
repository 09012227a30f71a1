package lab.client.judge.requests;

import java.util.List;
import lab.client.judge.Line;
import lab.client.judge.ProgramRun;
import lab.client.requests.rules.Handed;

/** The requests task's stdout: one {@code ID STATUS} line per id, the moment the program has it. */
final class RequestLines {

    private RequestLines() {
    }

    /** Allows {@code ID STATUS}, ID one of 1..n, STATUS an HTTP status, {@code timeout} or {@code error}. */
    static ProgramRun.LineCheck check(int n) {
        String want = "want 'ID STATUS', ID one of 1.." + n + ", STATUS an HTTP status, timeout or error";
        return line -> {
            String[] parts = line.strip().split("\\s+");
            if (parts.length != 2 || !isId(parts[0], n) || !isStatus(parts[1])) {
                return want;
            }
            return null;
        };
    }

    static List<Handed> handed(List<Line> lines) {
        return lines.stream().map(l -> l.text().strip().split("\\s+")).map(p -> new Handed(p[0], p[1], null)).toList();
    }

    private static boolean isId(String s, int n) {
        if (!s.matches("[1-9][0-9]{0,8}")) {
            return false;
        }
        int id = Integer.parseInt(s);
        return id <= n;
    }

    private static boolean isStatus(String s) {
        return s.equals("timeout") || s.equals("error") || s.matches("[1-5][0-9][0-9]");
    }
}
