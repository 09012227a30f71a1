package lab.client.hash.support;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code lab-client} in a child JVM (same java binary, same class path as the test), for what only
 * a real process shows: a SIGKILL in the middle of a run, a small {@code -Xmx}, several migrators
 * at once. Output goes to files, so a child never blocks on a full pipe.
 */
public final class ChildJvm {

    private ChildJvm() {
    }

    public static Process start(List<String> jvmFlags, Path stdout, Path stderr, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElseThrow());
        command.add("--enable-native-access=ALL-UNNAMED");
        command.addAll(jvmFlags);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "lab.client.LabClient", "hash"));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
    }
}
