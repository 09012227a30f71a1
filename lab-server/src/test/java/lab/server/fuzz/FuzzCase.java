package lab.server.fuzz;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;

/**
 * One hostile client's visit, drawn from {@code (seed, index)} alone, so that any case of a run can
 * be made again: what it writes (in one or more writes) and how it leaves.
 *
 * @param index  the case's number in its run
 * @param kind   what sort of abuse it is
 * @param writes the bytes, write by write
 * @param ending what the client does once it has written them
 */
record FuzzCase(int index, Kind kind, List<byte[]> writes, Ending ending) {

    enum Kind { VALID, RANDOM_BYTES, TRUNCATED_HEAD, HUGE_LINE, BAD_CHUNKED, BAD_LENGTH, ABSURD_DELAY, PIPELINED_GARBAGE, MUTATED }

    enum Ending {
        /** Reads what comes back until the server closes or the read times out. */
        READ,
        /** Shuts its sending side (a FIN), then reads. */
        HALF_CLOSE_AND_READ,
        /** Closes at once, with whatever it sent maybe unread. */
        CLOSE,
        /** Closes with a reset (SO_LINGER 0). */
        RESET
    }

    private static final String[] VALID_REQUESTS = {
        "GET /api/items/%s HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n",
        "GET /api/items/%s?delay_ms=2 HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n",
        "GET /api/items/%s?fail=503 HTTP/1.1\r\nHost: 127.0.0.1\r\nUser-Agent: fuzz\r\n\r\n",
        "GET /api/items/%s HTTP/1.0\r\n\r\n",
        "GET /api/items/%s HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n",
        "GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n",
        "GET /stats HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n",
        "GET /metrics HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n",
        "POST /api/items/%s HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 5\r\n\r\nhello",
        "GET /api/items/%s HTTP/1.1\r\nHost: 127.0.0.1\r\nExpect: 100-continue\r\nContent-Length: 3\r\n\r\nabc",
        "BREW /pot HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n",
        "GET /nowhere/%s HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n",
    };

    private static final String[] ABSURD_DELAYS = {
        "-1", "600001", "9223372036854775807", "99999999999999999999", "1e9", "", "abc", "0x10", "%20%205", "600000",
        "3&delay_ms=99999", "5&fail=hang", "5&fail=reset", "1&fail=bogus", "2147483648", "-0",
    };

    private static final String[] BAD_CHUNKS = {
        "zz\r\n", "5\r\nabc", "FFFFFFFFFFFFFFFFFF\r\nx\r\n", "-1\r\n\r\n", "3\r\nabcde\r\n0\r\n\r\n", "\r\n\r\n",
        "3;" + "e".repeat(9000) + "\r\nabc\r\n0\r\n\r\n", "0\r\nTrailer: " + "t".repeat(10_000) + "\r\n\r\n",
        "4\r\nwiki\r\n0\r\n\r\nGET /api/items/after-chunks HTTP/1.1\r\nHost: x\r\n\r\n", "1\r\n", "0\r\n",
    };

    private static final String[] BAD_LENGTHS = {
        "Content-Length: -5\r\n", "Content-Length: abc\r\n", "Content-Length: 99999999999999999999\r\n",
        "Content-Length: 10\r\n", "Content-Length: 3\r\nContent-Length: 4\r\n",
        "Content-Length: 3\r\nTransfer-Encoding: chunked\r\n", "Transfer-Encoding: xchunked\r\n",
        "Transfer-Encoding: chunked, gzip\r\n", "Content-Length: 1000000\r\n",
    };

    static FuzzCase generate(long seed, int index) {
        Random r = new Random(seed ^ (0x9E3779B97F4A7C15L * (index + 1)));
        Kind kind = Kind.values()[r.nextInt(Kind.values().length)];
        byte[] bytes = switch (kind) {
            case VALID -> ascii(valid(r) + (r.nextBoolean() ? valid(r) : ""));
            case RANDOM_BYTES -> randomBytes(r, 1 + r.nextInt(3000));
            case TRUNCATED_HEAD -> truncatedHead(r);
            case HUGE_LINE -> ascii(hugeLine(r));
            case BAD_CHUNKED -> ascii("POST /api/items/c HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
                    + BAD_CHUNKS[r.nextInt(BAD_CHUNKS.length)]);
            case BAD_LENGTH -> ascii("POST /api/items/l HTTP/1.1\r\nHost: x\r\n" + BAD_LENGTHS[r.nextInt(BAD_LENGTHS.length)]
                    + "\r\n" + "b".repeat(r.nextInt(20)));
            case ABSURD_DELAY -> ascii("GET /api/items/d?delay_ms=" + ABSURD_DELAYS[r.nextInt(ABSURD_DELAYS.length)]
                    + " HTTP/1.1\r\nHost: x\r\n\r\n");
            case PIPELINED_GARBAGE -> pipelined(r);
            case MUTATED -> mutate(r, ascii(valid(r)));
        };
        return new FuzzCase(index, kind, split(r, bytes), ending(r));
    }

    private static Ending ending(Random r) {
        int roll = r.nextInt(100);
        return roll < 60 ? Ending.READ : roll < 75 ? Ending.HALF_CLOSE_AND_READ : roll < 90 ? Ending.CLOSE : Ending.RESET;
    }

    private static String valid(Random r) {
        return VALID_REQUESTS[r.nextInt(VALID_REQUESTS.length)].replace("%s", "f" + r.nextInt(1000));
    }

    private static byte[] truncatedHead(Random r) {
        byte[] full = ascii(valid(r));
        int headEnd = new String(full, StandardCharsets.ISO_8859_1).indexOf("\r\n\r\n") + 3; // the last \n left out
        byte[] cut = new byte[1 + r.nextInt(headEnd)];
        System.arraycopy(full, 0, cut, 0, cut.length);
        return cut;
    }

    private static String hugeLine(Random r) {
        return switch (r.nextInt(4)) {
            case 0 -> "GET /api/items/" + "p".repeat(4000 + r.nextInt(16_000)) + " HTTP/1.1\r\nHost: x\r\n\r\n";
            case 1 -> "GET /api/items/h HTTP/1.1\r\nHost: x\r\nX-Big: " + "v".repeat(8000 + r.nextInt(24_000)) + "\r\n\r\n";
            case 2 -> "GET /api/items/m HTTP/1.1\r\n" + "X-Many: yes\r\n".repeat(600 + r.nextInt(400)) + "\r\n";
            default -> "GET /" + "q".repeat(4080 + r.nextInt(30)) + " HTTP/1.1\r\nHost: x\r\n\r\n"; // about the 4 KiB line limit
        };
    }

    private static byte[] pipelined(Random r) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int parts = 2 + r.nextInt(5);
        for (int i = 0; i < parts; i++) {
            byte[] part = r.nextInt(3) == 0 ? randomBytes(r, 1 + r.nextInt(200)) : ascii(valid(r));
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    /** One to five byte-level edits of a valid request: overwrite, insert, delete, or a line ending broken. */
    private static byte[] mutate(Random r, byte[] request) {
        List<Byte> b = new ArrayList<>();
        for (byte x : request) {
            b.add(x);
        }
        int edits = 1 + r.nextInt(5);
        for (int i = 0; i < edits && !b.isEmpty(); i++) {
            int at = r.nextInt(b.size());
            switch (r.nextInt(4)) {
                case 0 -> b.set(at, (byte) r.nextInt(256));
                case 1 -> b.add(at, (byte) r.nextInt(256));
                case 2 -> b.remove(at);
                default -> b.set(at, r.nextBoolean() ? (byte) '\n' : (byte) '\r');
            }
        }
        byte[] out = new byte[b.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = b.get(i);
        }
        return out;
    }

    /** Usually one write; sometimes the same bytes cut into two to four, so they may arrive in pieces. */
    private static List<byte[]> split(Random r, byte[] bytes) {
        if (bytes.length < 2 || r.nextInt(3) > 0) {
            return List.of(bytes);
        }
        TreeSet<Integer> cuts = new TreeSet<>();
        int wanted = Math.min(1 + r.nextInt(3), bytes.length - 1);
        while (cuts.size() < wanted) {
            cuts.add(1 + r.nextInt(bytes.length - 1));
        }
        List<byte[]> writes = new ArrayList<>();
        int from = 0;
        for (int cut : cuts) {
            writes.add(Arrays.copyOfRange(bytes, from, cut));
            from = cut;
        }
        writes.add(Arrays.copyOfRange(bytes, from, bytes.length));
        return writes;
    }

    private static byte[] randomBytes(Random r, int n) {
        byte[] b = new byte[n];
        r.nextBytes(b);
        return b;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** The case in one line: its number, kind, ending and first bytes, escaped. */
    String describe() {
        StringBuilder text = new StringBuilder();
        int shown = 0;
        for (byte[] w : writes) {
            for (byte x : w) {
                if (shown++ == 160) {
                    return head() + text + "...";
                }
                int c = x & 0xff;
                text.append(c >= 0x20 && c < 0x7f ? String.valueOf((char) c) : c == '\r' ? "\\r" : c == '\n' ? "\\n" : String.format("\\x%02x", c));
            }
        }
        return head() + text;
    }

    private String head() {
        int total = writes.stream().mapToInt(w -> w.length).sum();
        return "case " + index + " " + kind + "/" + ending + " (" + total + " bytes in " + writes.size() + " write(s)): ";
    }
}
