package lab.server.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import lab.server.support.ChildJvm;

/**
 * A server in a JVM of its own, so that the load and the server are measured as separate processes.
 * Public, in lab-server's test jar, so that lab-client's benches start their servers the same way.
 */
public final class ChildServer implements AutoCloseable {

    private final Process process;
    private final BufferedReader stdout;
    public final int port;

    private ChildServer(Process process, BufferedReader stdout, int port) {
        this.process = process;
        this.stdout = stdout;
        this.port = port;
    }

    /**
     * Starts {@code mainClass} on this JVM's class path, with {@code jvmOptions}, and reads its port
     * from its first line; {@code pinned} keeps it on the server's cores (see {@link Cpus}).
     */
    public static ChildServer start(boolean pinned, List<String> jvmOptions, Class<?> mainClass, String... args) throws IOException {
        List<String> command = new ArrayList<>(pinned ? Cpus.server() : List.of());
        command.addAll(ChildJvm.command(jvmOptions, mainClass, args));
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        BufferedReader out = p.inputReader(StandardCharsets.UTF_8);
        String first = out.readLine();
        if (first == null || !first.startsWith("listening on http://127.0.0.1:")) {
            p.destroyForcibly();
            throw new IOException(mainClass.getSimpleName() + " did not start: first line was " + first);
        }
        return new ChildServer(p, out, Integer.parseInt(first.substring(first.lastIndexOf(':') + 1)));
    }

    /** The server's process, for tests that signal it and read its exit code. */
    public Process process() {
        return process;
    }

    /** The rest of its stdout, after the {@code listening on} line. */
    public BufferedReader stdout() {
        return stdout;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
