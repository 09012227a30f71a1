package lab.client.judge.hash;

import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListSet;

/**
 * Which runtimes a program's process tree ran, as the judge saw them while it ran (each process's
 * executable): the one-thread rate it is compared with must be of the PBKDF2 it could call, so a
 * Python program is held to one thread of its own interpreter's {@code hashlib} and a Java one to
 * the JDK's fastest engine. Shells, {@code env} and the like say nothing and are left out.
 */
final class Runtimes {

    private final Set<String> pythons = new ConcurrentSkipListSet<>();
    private final Set<String> javas = new ConcurrentSkipListSet<>();

    void note(ProcessHandle root, Set<ProcessHandle> tree) {
        note(root);
        tree.forEach(this::note);
    }

    private void note(ProcessHandle p) {
        p.info().command().ifPresent(exe -> {
            String name = Path.of(exe).getFileName().toString();
            if (name.matches("python[0-9.]*")) {
                pythons.add(exe);
            } else if (name.equals("java")) {
                javas.add(exe);
            }
        });
    }

    /** The Python interpreters seen, by executable path. */
    Set<String> pythons() {
        return Set.copyOf(pythons);
    }

    boolean sawJava() {
        return !javas.isEmpty();
    }
}
