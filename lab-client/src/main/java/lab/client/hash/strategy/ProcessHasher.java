package lab.client.hash.strategy;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;
import lab.client.hash.algorithm.Cost;
import lab.client.hash.algorithm.Pbkdf2Engine;

/**
 * K child JVMs ({@link HashWorker}), started with this JVM's own {@code java} binary and class
 * path. Each batch is cut into K contiguous slices, one per child, written to the child's stdin;
 * the child writes the slice's PHC strings back on its stdout. The parent keeps the database: the
 * children never see it, so a crash of either side leaves no half-written batch. A child whose
 * parent dies reads end-of-file on its stdin and exits.
 */
final class ProcessHasher implements BatchHasher {

    private final List<Child> children;

    private ProcessHasher(List<Child> children) {
        this.children = children;
    }

    static ProcessHasher start(Cost cost, int workers, Pbkdf2Engine engine) {
        List<Child> children = new ArrayList<>(workers);
        try {
            for (int i = 0; i < workers; i++) {
                children.add(Child.start(cost, engine));
            }
        } catch (IOException e) {
            children.forEach(Child::stop);
            throw new UncheckedIOException("cannot start a hashing child JVM: " + e.getMessage(), e);
        }
        return new ProcessHasher(children);
    }

    @Override
    public List<String> hash(List<String> passwords, LongConsumer hashed) {
        int k = children.size();
        int n = passwords.size();
        List<List<String>> slices = new ArrayList<>(k);
        for (int i = 0; i < k; i++) {
            slices.add(passwords.subList(i * n / k, (i + 1) * n / k));
        }
        try {
            for (int i = 0; i < k; i++) { // all slices out first, so the children hash at the same time
                children.get(i).send(slices.get(i));
            }
            List<String> out = new ArrayList<>(n);
            for (int i = 0; i < k; i++) {
                out.addAll(children.get(i).receive(slices.get(i).size(), hashed));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("a hashing child JVM failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        children.forEach(Child::stop);
    }

    /** One child JVM and the two ends of its pipe. */
    private record Child(Process process, DataOutputStream in, DataInputStream out) {

        static Child start(Cost cost, Pbkdf2Engine engine) throws IOException {
            List<String> command = new ArrayList<>();
            command.add(ProcessHandle.current().info().command().orElse("java"));
            command.addAll(List.of("-cp", System.getProperty("java.class.path"), HashWorker.class.getName(), "--engine", engine.name()));
            command.addAll(cost.toFlags());
            Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            return new Child(p, new DataOutputStream(new BufferedOutputStream(p.getOutputStream(), 1 << 16)),
                    new DataInputStream(new BufferedInputStream(p.getInputStream(), 1 << 16)));
        }

        void send(List<String> passwords) throws IOException {
            in.writeInt(passwords.size());
            for (String password : passwords) {
                in.writeUTF(password);
            }
            in.flush();
        }

        List<String> receive(int expected, LongConsumer hashed) throws IOException {
            List<String> hashes = new ArrayList<>(expected);
            for (int i = 0; i < expected; i++) {
                hashes.add(out.readUTF());
                hashed.accept(1);
            }
            return hashes;
        }

        void stop() {
            try {
                in.close(); // end-of-file: the child leaves its loop and exits
            } catch (IOException e) {
                // already gone
            }
            try {
                if (!process.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }
}
