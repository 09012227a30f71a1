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
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
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
 * <p>Each batch is handed out in chunks of about a tenth of a second's work, the next chunk to
 * whichever child is ready for it (see {@link Feed}), written to the child's stdin as
 * {@link Frames}; the child writes the chunk's PHC strings back on its stdout. The parent keeps the
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

    /**
     * A child's JVM flags. The serial collector: a child is one hashing thread, and a parallel
     * collector's threads (one per core by default) would pause the other child's core too. The
     * direct PBKDF2 engine's opening (see {@code DirectPbkdf2}). {@code -Xshare:auto} is the default.
     */
    static final List<String> CHILD_JVM_FLAGS = List.of("-XX:+UseSerialGC",
            "--add-opens", "java.base/sun.security.provider=ALL-UNNAMED");

    /** The child's command line: the parent's own java binary and class path. */
    static List<String> command(Cost cost, Pbkdf2Engine engine, Duration warmup) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(CHILD_JVM_FLAGS);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), HashWorker.class.getName(),
                "--engine", engine.name(), "--warmup-ms", Long.toString(warmup.toMillis())));
        command.addAll(cost.toFlags());
        return command;
    }

    @Override
    public List<String> hash(List<String> passwords, LongConsumer hashed) {
        int k = children.size();
        int n = passwords.size();
        int chunk = chunk(patience.singleThreadHps(), n, k);
        // The longest a child may take: its share of the batch, one chunk more for the tail, in turns.
        Duration limit = patience.forHashes((long) rounds(k) * ((n + k - 1) / k + chunk));
        try {
            return watched(limit, "hashing a batch of " + n, () -> new Feed(passwords, chunk, hashed).run(children));
        } catch (IOException e) {
            throw new UncheckedIOException("a hashing child JVM failed: " + e.getMessage(), e);
        }
    }

    /**
     * Passwords per chunk: about {@link #CHUNK_SECONDS} of one core's work at the measured rate, at
     * least 1 and at most an even share. Small enough that the last chunks even out a child slowed by
     * a neighbour (halves fixed up front left the other core idle for that child's whole lag); large
     * enough that the pipe's round trips (tens of microseconds) cost nothing.
     */
    static int chunk(double singleThreadHps, int passwords, int children) {
        long byTime = (long) Math.ceil(singleThreadHps * CHUNK_SECONDS);
        int share = Math.max(1, (passwords + children - 1) / children);
        return (int) Math.max(1, Math.min(byTime, share));
    }

    static final double CHUNK_SECONDS = 0.1;

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
     * blocked on its pipe with an error, and the thread running {@code work} is interrupted, which
     * ends any wait of its own (a feed thread left waiting for a permit its dead reader never gives
     * back); the error says why. The interrupt is cleared before the error is thrown, so the caller
     * (a migration giving its claim back) is not left interrupted.
     */
    private <T> T watched(Duration limit, String what, PipeWork<T> work) throws IOException {
        if (killed != null) {
            throw new IOException(killed);
        }
        Thread worker = Thread.currentThread();
        ScheduledFuture<?> alarm = watchdog.schedule(() -> {
            killed = "no answer from the hashing children within " + limit.toSeconds() + " s of " + what
                    + " (hung or starved); they were killed";
            children.forEach(c -> c.process().destroyForcibly());
            worker.interrupt();
        }, limit.toNanos(), TimeUnit.NANOSECONDS);
        try {
            return work.run();
        } catch (IOException e) {
            throw killed != null ? new IOException(killed, e) : e;
        } finally {
            alarm.cancel(false);
            if (killed != null) {
                Thread.interrupted(); // the alarm's interrupt, spent
            }
        }
    }

    /**
     * One batch over the children: each child has a writer, which takes the next chunk from a shared
     * cursor and sends it, at most {@link #AHEAD} chunks ahead of what came back (so a child never
     * waits for its next chunk), and a reader, which takes that child's answers in order. Two
     * threads a child, not one: a single thread blocked writing a chunk into a full pipe, while the
     * child is blocked writing answers nobody reads, would be a deadlock.
     */
    private static final class Feed {

        private static final int AHEAD = 2;
        private static final int[] END = {};

        private final List<String> passwords;
        private final int chunk;
        private final LongConsumer hashed;
        private final String[] out;
        private final AtomicInteger cursor = new AtomicInteger();

        Feed(List<String> passwords, int chunk, LongConsumer hashed) {
            this.passwords = passwords;
            this.chunk = chunk;
            this.hashed = hashed;
            this.out = new String[passwords.size()];
        }

        List<String> run(List<Child> children) throws IOException {
            try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
                List<Future<?>> running = new ArrayList<>();
                for (Child child : children) {
                    Semaphore ahead = new Semaphore(AHEAD);
                    BlockingQueue<int[]> sent = new LinkedBlockingQueue<>();
                    int first = cursor.getAndAdd(chunk); // dealt here, in order: every child starts at once on a chunk of its own
                    running.add(threads.submit(() -> write(child, first, ahead, sent)));
                    running.add(threads.submit(() -> read(child, ahead, sent)));
                }
                for (Future<?> f : running) {
                    await(f, children);
                }
            }
            return Arrays.asList(out);
        }

        private Void write(Child child, int first, Semaphore ahead, BlockingQueue<int[]> sent) throws IOException, InterruptedException {
            ahead.acquire();
            for (int from = first; from < out.length; from = next(ahead)) {
                int to = Math.min(out.length, from + chunk);
                child.send(passwords.subList(from, to));
                sent.put(new int[] {from, to});
            }
            sent.put(END);
            return null;
        }

        /** The next chunk's start, once this child has room for it (a chunk is taken only when it can be sent). */
        private int next(Semaphore ahead) throws InterruptedException {
            ahead.acquire();
            return cursor.getAndAdd(chunk);
        }

        private Void read(Child child, Semaphore ahead, BlockingQueue<int[]> sent) throws IOException, InterruptedException {
            for (int[] range = sent.take(); range != END; range = sent.take()) {
                for (int i = range[0]; i < range[1]; i++) {
                    out[i] = Frames.read(child.out());
                    hashed.accept(1);
                }
                ahead.release();
            }
            return null;
        }

        /** Waits for one thread; the first failure kills every child, so no other thread waits on a pipe for ever. */
        private static void await(Future<?> f, List<Child> children) throws IOException {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                children.forEach(c -> c.process().destroyForcibly());
                throw new IOException("interrupted while hashing", e);
            } catch (ExecutionException e) {
                children.forEach(c -> c.process().destroyForcibly());
                Throwable cause = e.getCause();
                throw cause instanceof IOException io ? io : new IOException(String.valueOf(cause), cause);
            }
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
