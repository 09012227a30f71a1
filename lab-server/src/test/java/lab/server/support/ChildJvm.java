package lab.server.support;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A main of the lab in a child JVM (this JVM's java binary, this test's class path), for what only a
 * real process shows: a SIGKILL in the middle of a run, a small {@code -Xmx}, a server measured apart
 * from its load, the exit code and the one line a bad flag prints. The lab's one way of building such
 * a command; {@link lab.server.bench.ChildServer} adds reading a server's port from its first line.
 */
public final class ChildJvm {

    private ChildJvm() {
    }

    /** {@code java --enable-native-access=ALL-UNNAMED JVM_OPTIONS -cp CLASSPATH MAIN ARGS}. */
    public static List<String> command(List<String> jvmOptions, Class<?> main, String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("--enable-native-access=ALL-UNNAMED"); // Netty's epoll library and sqlite-jdbc, without a warning
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), main.getName()));
        command.addAll(List.of(args));
        return command;
    }

    /** Starts {@code main} with its stdout and stderr in files, so that a child never blocks on a full pipe. */
    public static Process start(List<String> jvmOptions, Path stdout, Path stderr, Class<?> main, String... args) throws IOException {
        return new ProcessBuilder(command(jvmOptions, main, args)).redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
    }
}
