package lab.client.judge;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntSupplier;

/**
 * Runs someone else's program once, the way a judge must: with a given environment, its stdout
 * read line by line the moment each line comes (and timed here), its stderr kept aside, bounded in
 * time. A program that outlives its time limit, or prints a line it should not, is killed at once
 * with its whole process tree (a shell script's children and a pool's workers included: the tree is
 * followed while it runs, since a child whose parent died is no longer anyone's descendant); so is
 * whatever it left running when it exited.
 */
public final class ProgramRun {

    /** How much of stderr is kept: enough for any traceback, bounded against a program that floods it. */
    static final int STDERR_KEPT = 64 * 1024;
    /** Lines beyond this many are garbage whatever they say: a program in a loop is stopped. */
    static final int MAX_LINES = 100_000;

    /** Says what is wrong with a line, or null when it is one the program may print. */
    @FunctionalInterface
    public interface LineCheck {
        String complaint(String line);
    }

    /**
     * Looks at the running program every few milliseconds (its root process and every process of
     * its tree seen so far) and says why the judge kills it now, or null to let it run: the crash
     * scenario of {@code judge hash} kills a program mid-run on purpose.
     */
    @FunctionalInterface
    public interface Watch {
        Watch NONE = (root, tree) -> null;

        String killNow(ProcessHandle root, Set<ProcessHandle> tree);
    }

    /** The program could not be started at all (no such command, not executable). */
    public static final class CannotStart extends Exception {
        CannotStart(String message) {
            super(message, null, false, false);
        }
    }

    private final List<String> command;
    private final Map<String, String> environment;
    private final Duration timeLimit;
    private final LineCheck check;
    private final IntSupplier inFlight;
    private final Watch watch;

    /**
     * @param command     the program and its arguments
     * @param environment variables set for it (on top of the judge's own, {@code LAB_*} ones removed first)
     * @param timeLimit   how long it may run
     * @param check       which stdout lines it may print
     * @param inFlight    the server's in-flight count, sampled as each line is read
     */
    public ProgramRun(List<String> command, Map<String, String> environment, Duration timeLimit, LineCheck check,
                      IntSupplier inFlight) {
        this(command, environment, timeLimit, check, inFlight, Watch.NONE);
    }

    /** As above, with a {@link Watch} that may have the judge kill the program (and its tree) mid-run. */
    public ProgramRun(List<String> command, Map<String, String> environment, Duration timeLimit, LineCheck check,
                      IntSupplier inFlight, Watch watch) {
        this.command = List.copyOf(command);
        this.environment = Map.copyOf(environment);
        this.timeLimit = timeLimit;
        this.check = check;
        this.inFlight = inFlight;
        this.watch = watch;
    }

    /** Runs the program to its end (or the judge's), and says what it printed and how it ended. */
    public Transcript run() throws CannotStart, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().keySet().removeIf(k -> k.startsWith("LAB_") && !k.equals("LAB_DEBUG"));
        builder.environment().putAll(environment);
        long startNanos = System.nanoTime();
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new CannotStart("cannot run " + command.get(0) + ": " + reason(e));
        }
        Set<ProcessHandle> tree = ConcurrentHashMap.newKeySet();
        Set<Long> killed = ConcurrentHashMap.newKeySet();
        AtomicReference<String> killedWhy = new AtomicReference<>();
        Thread follower = Thread.ofPlatform().daemon().name("judge-tree")
                .start(() -> follow(process, tree, killed, killedWhy));
        try {
            process.getOutputStream().close(); // nothing to read on stdin: it sees end of input at once
        } catch (IOException ignored) {
            // a program that exited already has no stdin to close
        }
        List<Line> lines = new CopyOnWriteArrayList<>();
        AtomicReference<String[]> bad = new AtomicReference<>();
        StringBuilder stderr = new StringBuilder();
        Thread out = Thread.ofPlatform().daemon().name("judge-stdout")
                .start(() -> readLines(process, tree, killed, lines, bad));
        Thread err = Thread.ofPlatform().daemon().name("judge-stderr").start(() -> keep(process.getErrorStream(), stderr));

        boolean exited = process.waitFor(timeLimit.toMillis(), TimeUnit.MILLISECONDS);
        long exitNanos = System.nanoTime();
        int inFlightAtEnd = inFlight.getAsInt();
        if (!exited) {
            killTree(process, tree, killed);
        }
        process.waitFor(5, TimeUnit.SECONDS);
        follower.interrupt();
        killLeftovers(tree, killed); // what it left behind: a pool's worker, a background job
        out.join(2_000);
        err.join(2_000);

        String[] badLine = bad.get();
        Ending ending;
        if (badLine != null) {
            ending = new Ending(Ending.Kind.BAD_LINE, exitCode(process), badLine[0], badLine[1], killed.size());
        } else if (killedWhy.get() != null) {
            ending = new Ending(Ending.Kind.KILLED, exitCode(process), null, killedWhy.get(), killed.size());
        } else if (!exited) {
            ending = new Ending(Ending.Kind.OVERRAN, exitCode(process), null, null, killed.size());
        } else {
            ending = new Ending(Ending.Kind.EXITED, process.exitValue(), null, null, killed.size());
        }
        String stderrText;
        synchronized (stderr) {
            stderrText = stderr.toString();
        }
        return new Transcript(List.copyOf(lines), stderrText, ending, startNanos, exitNanos, timeLimit, inFlightAtEnd);
    }

    private void readLines(Process process, Set<ProcessHandle> tree, Set<Long> killed, List<Line> lines,
                           AtomicReference<String[]> bad) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String text;
            while ((text = reader.readLine()) != null) {
                long at = System.nanoTime();
                int flying = inFlight.getAsInt();
                String complaint = lines.size() >= MAX_LINES ? "more than " + MAX_LINES + " lines" : check.complaint(text);
                if (complaint != null) {
                    if (bad.get() == null) {
                        bad.set(new String[] {text, complaint});
                        killTree(process, tree, killed);
                    }
                    return;
                }
                lines.add(new Line(text, at, flying));
            }
        } catch (IOException e) {
            // the pipe closed under a kill: what was read is what it printed
        }
    }

    /** Keeps the first {@link #STDERR_KEPT} characters of a stream and drains the rest. */
    private static void keep(InputStream stream, StringBuilder kept) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            char[] buffer = new char[4096];
            int n;
            while ((n = reader.read(buffer)) >= 0) {
                synchronized (kept) {
                    int room = STDERR_KEPT - kept.length();
                    if (room > 0) {
                        kept.append(buffer, 0, Math.min(room, n));
                    }
                }
            }
        } catch (IOException e) {
            // the pipe closed under a kill
        }
    }

    /**
     * Notes every process of the tree as it appears, every few milliseconds, until the program ends;
     * kills the tree the first time the {@link Watch} says to.
     */
    private void follow(Process process, Set<ProcessHandle> tree, Set<Long> killed, AtomicReference<String> killedWhy) {
        while (process.isAlive() && !Thread.currentThread().isInterrupted()) {
            process.descendants().forEach(tree::add);
            if (killedWhy.get() == null) {
                String why = watch.killNow(process.toHandle(), Set.copyOf(tree));
                if (why != null && killedWhy.compareAndSet(null, why)) {
                    killTree(process, tree, killed);
                }
            }
            try {
                Thread.sleep(10); // a poll, not a wait for a condition: the OS tells nobody when a process forks
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Kills the program and every process of its tree it has had, noting in {@code killed} each one that was alive. */
    private static void killTree(Process process, Set<ProcessHandle> tree, Set<Long> killed) {
        process.descendants().forEach(tree::add);
        if (process.isAlive()) {
            killed.add(process.pid());
        }
        process.destroyForcibly();
        killLeftovers(tree, killed);
    }

    private static void killLeftovers(Set<ProcessHandle> tree, Set<Long> killed) {
        List<ProcessHandle> alive = new ArrayList<>();
        for (ProcessHandle p : tree) {
            p.descendants().forEach(alive::add);
            if (p.isAlive()) {
                alive.add(p);
            }
        }
        for (ProcessHandle p : alive) {
            killed.add(p.pid()); // a set: one already killed but not yet reaped is not counted twice
            p.destroyForcibly();
        }
    }

    private static int exitCode(Process process) {
        return process.isAlive() ? -1 : process.exitValue();
    }

    /** "error=2, No such file or directory" reads better as "No such file or directory". */
    private static String reason(IOException e) {
        Throwable root = e.getCause() != null ? e.getCause() : e;
        String message = root.getMessage() == null ? root.toString() : root.getMessage();
        return message.replaceFirst("^error=\\d+, ", "");
    }
}
