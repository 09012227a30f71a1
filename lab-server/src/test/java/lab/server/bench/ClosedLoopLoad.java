package lab.server.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import lab.server.stats.Percentiles;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * A closed-loop load: {@code connections} keep-alive clients, each sending its next request the
 * moment it has read the last response, for a fixed time. Lean on purpose (one reused buffer per
 * connection, no header map), so that on a two-core machine the client takes as little CPU from the
 * server as it can. Latency is recorded per request in microseconds in an HdrHistogram.
 */
final class ClosedLoopLoad {

    /** What one run saw; its latency, send to full response, in milliseconds. */
    record Result(long requests, long non200, double seconds, double rps, Percentiles latency) {
    }

    private ClosedLoopLoad() {
    }

    static Result run(int port, String target, int connections, Duration duration) throws Exception {
        byte[] request = ("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
        Recorder recorder = new Recorder(3);
        AtomicLong non200 = new AtomicLong();
        long start = System.nanoTime();
        long deadline = start + duration.toNanos();
        List<Thread> clients = new ArrayList<>();
        for (int i = 0; i < connections; i++) {
            clients.add(Thread.ofVirtual().start(() -> loop(port, request, deadline, recorder, non200)));
        }
        for (Thread c : clients) {
            c.join();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Histogram h = recorder.getIntervalHistogram();
        return new Result(h.getTotalCount(), non200.get(), seconds, h.getTotalCount() / seconds, Percentiles.of(h));
    }

    private static void loop(int port, byte[] request, long deadline, Recorder recorder, AtomicLong non200) {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setTcpNoDelay(true);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            byte[] buf = new byte[8192];
            while (System.nanoTime() < deadline) {
                long sent = System.nanoTime();
                out.write(request);
                int status = readResponse(in, buf);
                recorder.recordValue((System.nanoTime() - sent) / 1000);
                if (status != 200) {
                    non200.incrementAndGet();
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("load connection failed: " + e, e);
        }
    }

    /** Reads exactly one response (head, then content-length bytes of body) and returns its status. */
    private static int readResponse(InputStream in, byte[] buf) throws IOException {
        int have = 0;
        int headEnd;
        while ((headEnd = indexOfBlankLine(buf, have)) < 0) {
            int n = in.read(buf, have, buf.length - have);
            if (n < 0) {
                throw new IOException("server closed the connection");
            }
            have += n;
        }
        String head = new String(buf, 0, headEnd, StandardCharsets.ISO_8859_1);
        int status = Integer.parseInt(head.substring(9, 12));
        int bodyRemaining = contentLength(head) - (have - (headEnd + 4));
        while (bodyRemaining > 0) {
            int n = in.read(buf, 0, Math.min(buf.length, bodyRemaining));
            if (n < 0) {
                throw new IOException("server closed the connection mid-body");
            }
            bodyRemaining -= n;
        }
        return status;
    }

    private static int indexOfBlankLine(byte[] buf, int have) {
        for (int i = 3; i < have; i++) {
            if (buf[i] == '\n' && buf[i - 1] == '\r' && buf[i - 2] == '\n' && buf[i - 3] == '\r') {
                return i - 3;
            }
        }
        return -1;
    }

    private static int contentLength(String head) {
        int at = head.toLowerCase(java.util.Locale.ROOT).indexOf("content-length:");
        if (at < 0) {
            return 0;
        }
        int end = head.indexOf('\r', at);
        return Integer.parseInt(head.substring(at + 15, end < 0 ? head.length() : end).strip());
    }
}
