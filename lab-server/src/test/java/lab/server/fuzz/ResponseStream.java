package lab.server.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Judges the bytes a server sent back on one connection: nothing but whole HTTP/1.1 responses, one
 * after another, each with a status the lab can give. A response cut short is allowed only where the
 * client stopped reading first (its read timed out, or the connection was reset).
 */
final class ResponseStream {

    /** Every status lab-server answers with; anything else is a bug. */
    static final Set<Integer> STATUSES = Set.of(100, 200, 400, 404, 405, 408, 414, 429, 431, 500, 503);

    /** A stream that breaks the rules, and why. */
    static final class Broken extends Exception {
        Broken(String why) {
            super(why, null, false, false);
        }
    }

    private ResponseStream() {
    }

    /** The statuses in order, or {@link Broken} saying what is wrong at which byte. */
    static List<Integer> statuses(byte[] wire, int length, boolean cutShortAllowed) throws Broken {
        String text = new String(wire, 0, length, StandardCharsets.ISO_8859_1);
        List<Integer> statuses = new ArrayList<>();
        int at = 0;
        while (at < text.length()) {
            int headEnd = text.indexOf("\r\n\r\n", at);
            if (headEnd < 0) {
                return cutShort(statuses, cutShortAllowed, at, "a response head with no end");
            }
            String[] lines = text.substring(at, headEnd).split("\r\n");
            if (!lines[0].matches("HTTP/1\\.1 \\d{3} .*")) {
                throw new Broken("not a status line at byte " + at + ": " + abbreviate(lines[0]));
            }
            int status = Integer.parseInt(lines[0].substring(9, 12));
            if (!STATUSES.contains(status)) {
                throw new Broken("status " + status + " at byte " + at + ", not one lab-server gives: " + abbreviate(lines[0]));
            }
            int bodyLength = 0;
            for (int i = 1; i < lines.length; i++) {
                String line = lines[i];
                int colon = line.indexOf(':');
                if (colon <= 0) {
                    throw new Broken("a malformed header line in the " + status + " at byte " + at + ": " + abbreviate(line));
                }
                if (line.substring(0, colon).strip().toLowerCase(Locale.ROOT).equals("content-length")) {
                    bodyLength = Integer.parseInt(line.substring(colon + 1).strip());
                }
            }
            int bodyEnd = headEnd + 4 + bodyLength;
            if (bodyEnd > text.length()) {
                return cutShort(statuses, cutShortAllowed, at, "a " + status + " whose body is cut short");
            }
            statuses.add(status);
            at = bodyEnd;
        }
        return statuses;
    }

    private static List<Integer> cutShort(List<Integer> so, boolean allowed, int at, String what) throws Broken {
        if (!allowed) {
            throw new Broken(what + " at byte " + at + ", though the server closed the connection normally");
        }
        return so;
    }

    private static String abbreviate(String s) {
        return s.length() <= 100 ? s : s.substring(0, 97) + "...";
    }
}
