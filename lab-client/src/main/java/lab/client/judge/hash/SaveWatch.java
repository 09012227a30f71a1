package lab.client.judge.hash;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import lab.client.judge.ProgramRun;

/**
 * Looks at a running program's table every few milliseconds (through {@link ProgramRun.Watch}, from
 * the thread that follows its process tree): how many rows hold a hash, when the first was saved,
 * which runtimes its tree runs; and, in the crash scenario, says when to kill it: once at least
 * {@link #KILL_FROM} of the rows are saved and some are still to do, half a save-interval after
 * its last save (the mean time between its saves so far, or from its start to its first save when
 * there was only one). That lands in the middle of a batch, with the batch in hand half hashed: the
 * moment that tells a crash-safe program from one that has cleared plaintexts it has not saved
 * hashes for (killed just after a save, such a program could still look safe). A program that saves
 * in batches is killed between 20 % and about 70 % at almost any batch size; one that saves its
 * whole table at once at the end never shows work saved and work left, and the crash rule says so.
 */
final class SaveWatch implements ProgramRun.Watch, AutoCloseable {

    static final double KILL_FROM = 0.2;
    private static final int CHANGES_KEPT = 64;

    private final JudgedTable table;
    private final Runtimes runtimes;
    private final boolean killMidRun;
    private final long startNanos = System.nanoTime();
    private final List<String> changes = new ArrayList<>();
    private long firstChangeNanos = -1;
    private long lastChangeNanos = -1;
    private int changeCount;
    private Connection reader;
    private volatile long firstSavedNanos = -1;
    private volatile long saved;

    SaveWatch(JudgedTable table, Runtimes runtimes, boolean killMidRun) {
        this.table = table;
        this.runtimes = runtimes;
        this.killMidRun = killMidRun;
    }

    @Override
    public synchronized String killNow(ProcessHandle root, Set<ProcessHandle> tree) {
        runtimes.note(root, tree);
        long now = look();
        long at = System.nanoTime();
        if (now != saved) {
            note(now);
            firstChangeNanos = firstChangeNanos < 0 ? at : firstChangeNanos;
            lastChangeNanos = at;
            changeCount++;
        }
        saved = now;
        if (now > 0 && firstSavedNanos < 0) {
            firstSavedNanos = at;
        }
        long users = table.users();
        if (!killMidRun || now < Math.ceil(KILL_FROM * users) || now >= users) {
            return null;
        }
        long interval = changeCount >= 2 ? (lastChangeNanos - firstChangeNanos) / (changeCount - 1) : firstChangeNanos - startNanos;
        if (at - lastChangeNanos < interval / 2) {
            return null;
        }
        return String.format(Locale.ROOT, "with %d of %d rows saved (%.0f%%), %.0f ms after its last save (half its %.0f ms between saves)",
                now, users, 100.0 * now / users, (at - lastChangeNanos) / 1e6, interval / 1e6);
    }

    private long look() {
        try {
            if (reader == null) {
                reader = table.reader();
            }
            return JudgedTable.saved(reader);
        } catch (SQLException e) {
            return saved; // locked out for longer than the busy timeout, or the table is being replaced: look again next time
        }
    }

    private synchronized void note(long now) {
        if (changes.size() < CHANGES_KEPT) {
            changes.add(String.format(Locale.ROOT, "%d at %.0f ms", now, (System.nanoTime() - startNanos) / 1e6));
        }
    }

    /** Milliseconds from {@code startNanos} to the first row seen saved, -1 if none was. */
    double firstSavedMs(long programStartNanos) {
        return firstSavedNanos < 0 ? -1 : (firstSavedNanos - programStartNanos) / 1e6;
    }

    /** The saved counts the judge saw, as they changed: "0, then 2000 at 4870 ms". */
    synchronized String history() {
        List<String> shown = changes.size() <= 6 ? changes
                : List.of(changes.get(0), changes.get(1), "...", changes.get(changes.size() - 2), changes.getLast());
        return shown.isEmpty() ? "0 throughout" : "0, then " + String.join(", ", shown);
    }

    @Override
    public synchronized void close() {
        try {
            if (reader != null) {
                reader.close();
            }
        } catch (SQLException ignored) {
            // a read-only connection has nothing to lose
        }
    }
}
