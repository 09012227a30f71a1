package lab.client.requests.lean;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import lab.client.requests.call.KeptPool;
import lab.client.requests.call.Transport.Reply;

/**
 * One kept-alive HTTP/1.1 connection on a plain blocking {@link Socket}, used by one thread at a
 * time: it writes a request and reads the response's status line, headers and
 * {@code Content-Length} body into one reused buffer.
 *
 * <p>Only what the lab-server speaks is understood: a length-delimited body, or one that ends
 * with the connection; a chunked body is an error. A timeout is the socket's read timeout, set
 * before each read to what is left of the exchange's deadline.
 */
final class Connection implements AutoCloseable, KeptPool.Kept {

    /** An answer's head larger than this is not a lab-server's: refuse it rather than buffer it. */
    private static final int HEAD_MAX = 16 * 1024;

    /** The connection was closed before a single byte of the answer came: on a kept-alive connection, a stale one. */
    static final class ClosedBeforeAnswer extends EOFException {
        ClosedBeforeAnswer() {
            super("the server closed the connection before answering");
        }
    }

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private byte[] buf = new byte[4096];
    private int pos;
    private int lim;
    private int soTimeoutMs;
    private boolean keepAlive = true;
    private int exchanges;
    private long idleSinceNanos = System.nanoTime();

    private Connection(Socket socket) throws IOException {
        this.socket = socket;
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
    }

    static Connection open(InetSocketAddress address, long deadlineNanos, int connectTimeoutMs) throws IOException {
        Socket socket = new Socket();
        try {
            socket.setTcpNoDelay(true);
            socket.connect(address, (int) Math.min(connectTimeoutMs, millisLeft(deadlineNanos)));
            return new Connection(socket);
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    /** One request and its whole response; {@code deadlineNanos} is {@link Long#MAX_VALUE} for none. */
    Reply exchange(byte[] request, long deadlineNanos) throws IOException {
        exchanges++;
        out.write(request);
        int status = statusOf(line(deadlineNanos, true));
        long length = -1;
        long retryAfter = -1;
        keepAlive = true;
        for (String header; !(header = line(deadlineNanos, false)).isEmpty(); ) {
            int colon = header.indexOf(':');
            if (colon <= 0) {
                throw new IOException("malformed header line '" + header + "'");
            }
            String name = header.substring(0, colon).trim();
            String value = header.substring(colon + 1).trim();
            if (name.equalsIgnoreCase("content-length")) {
                length = parseLong(value, "Content-Length");
            } else if (name.equalsIgnoreCase("connection")) {
                keepAlive = !value.equalsIgnoreCase("close");
            } else if (name.equalsIgnoreCase("retry-after")) {
                retryAfter = parseLong(value, "Retry-After");
            } else if (name.equalsIgnoreCase("transfer-encoding") && !value.equalsIgnoreCase("identity")) {
                throw new IOException("Transfer-Encoding " + value + " is not understood by this minimal client");
            }
        }
        String body = length >= 0 ? body(length, deadlineNanos) : bodyToTheEnd(deadlineNanos);
        idleSinceNanos = System.nanoTime();
        return new Reply(status, body, retryAfter);
    }

    /** Whether the last response left the connection usable for another request. */
    @Override
    public boolean keepAlive() {
        return keepAlive && pos == lim;
    }

    /**
     * Whether a kept connection may have gone bad while idle: idle too long (the server's header
     * timeout answers 408 and closes), or the server has already written to it (that 408).
     */
    @Override
    public boolean suspect(long maxIdleNanos) {
        try {
            return System.nanoTime() - idleSinceNanos > maxIdleNanos || in.available() > 0;
        } catch (IOException e) {
            return true;
        }
    }

    boolean reused() {
        return exchanges > 1;
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing is all that was asked; the socket is gone either way
        }
    }

    private String line(long deadlineNanos, boolean first) throws IOException {
        int scanned = pos;
        while (true) {
            for (int i = scanned; i < lim; i++) {
                if (buf[i] == '\n') {
                    int end = i > pos && buf[i - 1] == '\r' ? i - 1 : i;
                    String text = new String(buf, pos, end - pos, StandardCharsets.ISO_8859_1);
                    pos = i + 1;
                    return text;
                }
            }
            int pending = lim - pos; // scanned already, and moved to the buffer's start by fill
            if (pending >= HEAD_MAX) {
                throw new IOException("an answer's head line longer than " + HEAD_MAX + " bytes");
            }
            if (fill(deadlineNanos) < 0) {
                throw first && pending == 0 ? new ClosedBeforeAnswer() : new EOFException("connection closed mid-answer");
            }
            scanned = pos + pending;
        }
    }

    private String body(long length, long deadlineNanos) throws IOException {
        if (length > Integer.MAX_VALUE - 8) {
            throw new IOException("an answer's body of " + length + " bytes");
        }
        int n = (int) length;
        while (lim - pos < n) {
            if (fill(deadlineNanos, n) < 0) {
                throw new EOFException("connection closed after " + (lim - pos) + " of " + n + " body bytes");
            }
        }
        String text = new String(buf, pos, n, StandardCharsets.UTF_8);
        pos += n;
        return text;
    }

    private String bodyToTheEnd(long deadlineNanos) throws IOException {
        keepAlive = false;
        while (fill(deadlineNanos, lim - pos + buf.length) >= 0) {
            // read until the server closes: the body is whatever came
        }
        String text = new String(buf, pos, lim - pos, StandardCharsets.UTF_8);
        pos = lim;
        return text;
    }

    private int fill(long deadlineNanos) throws IOException {
        return fill(deadlineNanos, 0);
    }

    /** Reads more bytes after the unread ones, making room for {@code want} unread bytes; -1 at the end. */
    private int fill(long deadlineNanos, int want) throws IOException {
        if (pos > 0) {
            System.arraycopy(buf, pos, buf, 0, lim - pos);
            lim -= pos;
            pos = 0;
        }
        if (lim == buf.length || want > buf.length) {
            byte[] bigger = new byte[Math.max(buf.length * 2, want)];
            System.arraycopy(buf, 0, bigger, 0, lim);
            buf = bigger;
        }
        int timeout = deadlineNanos == Long.MAX_VALUE ? 0 : (int) Math.min(Integer.MAX_VALUE, millisLeft(deadlineNanos));
        if (timeout != soTimeoutMs) {
            socket.setSoTimeout(timeout);
            soTimeoutMs = timeout;
        }
        int n = in.read(buf, lim, buf.length - lim);
        if (n > 0) {
            lim += n;
        }
        return n;
    }

    /** At least 1 ms while any time is left (0 would mean no timeout at all); a timeout when none is. */
    private static long millisLeft(long deadlineNanos) throws SocketTimeoutException {
        if (deadlineNanos == Long.MAX_VALUE) {
            return Long.MAX_VALUE;
        }
        long left = deadlineNanos - System.nanoTime();
        if (left <= 0) {
            throw new SocketTimeoutException("timed out");
        }
        return Math.max(1, (left + 999_999) / 1_000_000);
    }

    private static int statusOf(String line) throws IOException {
        // "HTTP/1.1 200 OK": the version, a space, three digits
        if (!line.startsWith("HTTP/1.") || line.length() < 12 || line.charAt(8) != ' ') {
            throw new IOException("not an HTTP/1.x status line: '" + line + "'");
        }
        return (int) parseLong(line.substring(9, 12), "status");
    }

    private static long parseLong(String value, String what) throws IOException {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IOException("bad " + what + " '" + value + "'");
        }
    }
}
