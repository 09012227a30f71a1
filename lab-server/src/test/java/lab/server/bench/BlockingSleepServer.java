package lab.server.bench;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * The other baseline for timer accuracy: no event loop at all. One platform thread per connection
 * reads a request head, sleeps {@code --delay-ms}, writes a fixed response. Each request has a
 * thread and a kernel timer of its own, so this shows what the machine itself adds to a 50 ms wait
 * when nothing is multiplexed. {@code --port N --delay-ms D}; prints the same first line.
 */
public final class BlockingSleepServer {

    private static final byte[] RESPONSE = ("HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: 29\r\n\r\n"
            + "{\"id\":\"bench\",\"service_ms\":50}").getBytes(StandardCharsets.US_ASCII);

    private BlockingSleepServer() {
    }

    public static void main(String[] args) throws IOException {
        int port = Flags.integer(args, "--port", 0);
        long delayMs = Flags.integer(args, "--delay-ms", 50);
        try (ServerSocket server = new ServerSocket(port, 128, InetAddress.getLoopbackAddress())) {
            System.out.println("listening on http://127.0.0.1:" + server.getLocalPort());
            System.out.flush();
            while (true) {
                Socket socket = server.accept();
                Thread.ofPlatform().daemon().start(() -> serve(socket, delayMs));
            }
        }
    }

    /** Answers each request head (up to the blank line) after the delay; bodies are not expected. */
    private static void serve(Socket socket, long delayMs) {
        try (socket) {
            socket.setTcpNoDelay(true);
            InputStream in = new BufferedInputStream(socket.getInputStream());
            OutputStream out = socket.getOutputStream();
            int lineEnds = 0;
            for (int b = in.read(); b >= 0; b = in.read()) {
                lineEnds = b == '\n' ? lineEnds + 1 : (b == '\r' ? lineEnds : 0);
                if (lineEnds == 2) {
                    lineEnds = 0;
                    Thread.sleep(delayMs);
                    out.write(RESPONSE);
                    out.flush();
                }
            }
        } catch (IOException | InterruptedException e) {
            // the client went away: nothing to do for a baseline
        }
    }
}
