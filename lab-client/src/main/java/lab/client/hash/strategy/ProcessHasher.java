package lab.client.hash.strategy;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;
import lab.client.hash.algorithm.Cost;
import lab.client.hash.algorithm.Pbkdf2Engine;

/**
 * K child JVMs ({@link HashWorker}), started with this JVM's own {@code java} (from
 * {@code java.home}, never whatever {@code java} the PATH holds) and class path. Each child warms
 * up until its rate is steady and says so before {@link #start} returns, so a run's clock starts
 * with K compiled workers, as a thread pool's does (a cold child spends its first second or two
 * interpreted, which cost {@code processes} a quarter of its bound on a 10 s run).
 *
 * <p>Each batch is cut into K contiguous slices, one per child, written to the child's stdin as
 * {@link Frames}; the child writes the slice's PHC strings back on its stdout. The parent keeps the
 * database: the children never see it, so a crash of either side leaves no half-written batch. A
 * child whose parent dies reads end-of-file on its stdin and exits. A child that does not answer
 * within its {@link Patience} is killed, and the batch fails (the claim is given back).
 */
final class ProcessHasher implements BatchHasher {

    private final List<Child> children;
    private final Patience patience;
    private final ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("hash-watchdog").daemon().factory());
    private volatile String killed;

    private ProcessHasher(List<Child> children, Patience patience) {
        this.children = children;
        this.patience = patience;
    }

    /** Starts K children and returns once every one is warm (or fails, stopping them all). */
    static ProcessHasher start(Cost cost, int workers, Pbkdf2Engine engine, Duration warmup, Patience patience) {
        List<Child> children = new ArrayList<>(workers);
        ProcessHasher hasher = new ProcessHasher(children, patience);
        try {
            for (int i = 0; i < workers; i++) {
                children.add(Child.start(command(cost, engine, warmup)));
            }
            hasher.watched(patience.forWarmup(warmup).multipliedBy(rounds(workers)), "starting and warming up", () -> {
                for (Child child : children) {
                    child.awaitReady();
                }
                return null;
            });
            return hasher;
        } catch (IOException e) {
            hasher.close();
            throw new UncheckedIOException("cannot start a hashing child JVM: " + e.getMessage(), e);
        }
    }

    /** The child's command line: the parent's own java binary and class path. */
    static List<String> command(Cost cost, Pbkdf2Engine engine, Duration warmup) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), HashWorker.class.getName(),
                "--engine", engine.name(), "--warmup-ms", Long.toString(warmup.toMillis())));
        command.addAll(cost.toFlags());
        return command;
    }

    @Override
    public List<String> hash(List<String> passwords, LongConsumer hashed) {
        int k = children.size();
        int n = passwords.size();
        List<List<String>> slices = new ArrayList<>(k);
        for (int i = 0; i < k; i++) {
            slices.add(passwords.subList(i * n / k, (i + 1) * n / k));
        }
        Duration limit = patience.forHashes((long) rounds(k) * slices.getLast().size()); // the last slice is the longest
        try {
            return watched(limit, "hashing a batch of " + n, () -> {
                for (int i = 0; i < k; i++) { // all slices out first, so the children hash at the same time
                    children.get(i).send(slices.get(i));
                }
                List<String> out = new ArrayList<>(n);
                for (int i = 0; i < k; i++) {
                    out.addAll(children.get(i).receive(slices.get(i).size(), hashed));
                }
                return out;
            });
        } catch (IOException e) {
            throw new UncheckedIOException("a hashing child JVM failed: " + e.getMessage(), e);
        }
    }

    /** The children's processes, for tests that freeze one. */
    List<ProcessHandle> processes() {
        return children.stream().map(c -> c.process().toHandle()).toList();
    }

    @Override
    public void close() {
        watchdog.shutdownNow();
        children.forEach(Child::stop);
    }

    /** With more children than cores, they take turns: the wait grows with the turns. */
    private static int rounds(int workers) {
        int cores = Runtime.getRuntime().availableProcessors();
        return (workers + cores - 1) / cores;
    }

    private interface PipeWork<T> {
        T run() throws IOException;
    }

    /**
     * Runs {@code work} with an alarm: past {@code limit} every child is killed, which ends any read
     * blocked on its pipe with an error, and the error says why.
     */
    private <T> T watched(Duration limit, String what, PipeWork<T> work) throws IOException {
        if (killed != null) {
            throw new IOException(killed);
        }
        ScheduledFuture<?> alarm = watchdog.schedule(() -> {
            killed = "no answer from the hashing children within " + limit.toSeconds() + " s of " + what
                    + " (hung or starved); they were killed";
            children.forEach(c -> c.process().destroyForcibly());
        }, limit.toNanos(), TimeUnit.NANOSECONDS);
        try {
            return work.run();
        } catch (IOException e) {
            throw killed != null ? new IOException(killed, e) : e;
        } finally {
            alarm.cancel(false);
        }
    }

    /** One child JVM and the two ends of its pipe. */
    private record Child(Process process, DataOutputStream in, DataInputStream out) {

        static Child start(List<String> command) throws IOException {
            Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            return new Child(p, new DataOutputStream(new BufferedOutputStream(p.getOutputStream(), 1 << 16)),
                    new DataInputStream(new BufferedInputStream(p.getInputStream(), 1 << 16)));
        }

        void awaitReady() throws IOException {
            int word = out.readInt();
            if (word != Frames.READY) {
                throw new IOException("a hashing child spoke out of turn (0x" + Integer.toHexString(word) + " instead of ready)");
            }
        }

        void send(List<String> passwords) throws IOException {
            in.writeInt(passwords.size());
            for (String password : passwords) {
                Frames.write(in, password);
            }
            in.flush();
        }

        List<String> receive(int expected, LongConsumer hashed) throws IOException {
            List<String> hashes = new ArrayList<>(expected);
            for (int i = 0; i < expected; i++) {
                hashes.add(Frames.read(out));
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
                if (!process.waitFor(5, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }
}
