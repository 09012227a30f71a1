package lab.client.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * A progress line on stderr for work that lasts more than a second: done/total, rate and ETA, plus
 * whatever the task adds (429s so far, say). Nothing is shown for the first second, so short runs
 * print nothing. On a terminal the line is redrawn in place five times a second; piped to a file it
 * is a fresh line every five seconds, so a log stays readable. It goes to the stream it is given (a
 * command's picocli {@code getErr()}); stdout is never touched, so {@code --json} output stays one
 * clean object.
 */
public final class Progress implements AutoCloseable {

    private static final long QUIET_NANOS = 1_000_000_000L;
    private static final int BAR_WIDTH = 24;

    private final String label;
    private final long total;
    private final String unit;
    private final Supplier<String> extra;
    private final PrintWriter err;
    private final boolean terminal;
    private final AtomicLong done = new AtomicLong();
    private volatile LongSupplier counter = done::get;
    private final long startNanos = System.nanoTime();
    private final Thread painter;
    private volatile boolean shown;

    private Progress(PrintWriter err, String label, long total, String unit, Supplier<String> extra, boolean enabled) {
        this.label = label;
        this.total = total;
        this.unit = unit;
        this.extra = extra;
        this.err = err;
        this.terminal = System.console() != null;
        this.painter = enabled ? Thread.ofPlatform().daemon().name("progress").start(this::paintLoop) : null;
    }

    /** Starts a progress line on {@code err} for {@code total} units of work ({@code unit}: "requests", "rows"). */
    public static Progress start(PrintWriter err, String label, long total, String unit, Supplier<String> extra) {
        return new Progress(err, label, total, unit, extra, true);
    }

    public static Progress start(PrintWriter err, String label, long total, String unit) {
        return start(err, label, total, unit, () -> "");
    }

    /** A progress that counts but never prints: for tests, the tour and nested runs. */
    public static Progress silent() {
        return new Progress(null, "", 0, "", () -> "", false);
    }

    public void advance(long units) {
        done.addAndGet(units);
    }

    public long done() {
        return counter.getAsLong();
    }

    /** Reads progress from a counter the work keeps anyway, instead of {@link #advance} calls. */
    public Progress follow(LongSupplier units) {
        this.counter = units;
        return this;
    }

    @Override
    public void close() {
        if (painter == null) {
            return;
        }
        painter.interrupt();
        try {
            painter.join(1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (shown) {
            paint(true);
        }
    }

    private void paintLoop() {
        try {
            Thread.sleep(QUIET_NANOS / 1_000_000);
            long period = terminal ? 200 : 5_000;
            while (!Thread.currentThread().isInterrupted()) {
                paint(false);
                Thread.sleep(period);
            }
        } catch (InterruptedException e) {
            // closed: the final line is painted by close()
        }
    }

    private synchronized void paint(boolean last) {
        shown = true;
        String line = render();
        if (terminal) {
            err.print("\r" + line + (last ? "\n" : ""));
        } else {
            err.println(line);
        }
        err.flush();
    }

    private String render() {
        long n = counter.getAsLong();
        double seconds = Math.max(1e-9, (System.nanoTime() - startNanos) / 1e9);
        double rate = n / seconds;
        StringBuilder s = new StringBuilder(label).append(' ');
        if (total > 0) {
            int filled = (int) Math.min(BAR_WIDTH, BAR_WIDTH * n / total);
            s.append('[').append("#".repeat(filled)).append(".".repeat(BAR_WIDTH - filled)).append("] ")
                    .append(String.format(Locale.ROOT, "%d/%d %s %3.0f%%", n, total, unit, 100.0 * n / total));
        } else {
            s.append(n).append(' ').append(unit);
        }
        s.append(String.format(Locale.ROOT, "  %.0f/s", rate));
        if (total > 0 && rate > 0 && n < total) {
            s.append(String.format(Locale.ROOT, "  ETA %.0fs", (total - n) / rate));
        }
        String more = extra.get();
        if (!more.isEmpty()) {
            s.append("  ").append(more);
        }
        return s.toString();
    }
}
