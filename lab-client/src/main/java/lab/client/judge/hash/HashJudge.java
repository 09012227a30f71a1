package lab.client.judge.hash;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import lab.client.cli.Cli;
import lab.client.cli.Json;
import lab.client.cli.UserError;
import lab.client.hash.db.UsersTable.Stored;
import lab.client.judge.ProgramRun;
import lab.client.judge.Transcript;

/**
 * {@code judge hash}: a password-migration program in any language, judged on tables of the
 * judge's own. Two scenarios, each on a fresh SQLite file seeded as {@code hash seed} seeds it:
 * <ol>
 *   <li><b>run</b>: the program hashes the whole table; the judge checks every row against its own
 *   plaintext, then times one thread of the same PBKDF2 and holds the program's rate to
 *   {@code min(workers, cores)} times it;</li>
 *   <li><b>crash</b>: the program is started again on a fresh table and killed (SIGKILL, its whole
 *   process tree) once some rows are saved and some are not; the judge checks that nothing was lost
 *   at that moment, reruns it to the end, and checks that every row is hashed from its own plaintext
 *   and that no row saved before the kill was hashed again.</li>
 * </ol>
 * The program gets {@code LAB_DB} (the file), {@code LAB_ITERATIONS} and {@code LAB_WORKERS} (the
 * cores), and must print nothing on stdout.
 */
public final class HashJudge {

    /** What to judge and how. */
    public record Settings(long users, int iterations, List<String> command, Duration timeLimit, boolean json, boolean show) {
    }

    /** Every stdout line is one it should not print: the judge reads the table, not what the program says. */
    static final ProgramRun.LineCheck NO_LINES =
            line -> "judge hash reads the table, not stdout: print progress and logs on stderr";

    private HashJudge() {
    }

    public static int judge(Settings s, PrintWriter out, PrintWriter err) throws InterruptedException {
        long start = System.nanoTime();
        Path dir;
        try {
            dir = Files.createTempDirectory("lab-judge-hash-");
        } catch (IOException e) {
            throw new UserError("the judge could not make a temporary folder for its tables: " + e.getMessage(), e);
        }
        try {
            HashVerdict verdict = new Session(s, dir, err, out).run(start);
            out.println(s.json() ? Json.line(verdict) : HashVerdictText.of(verdict));
            out.flush();
            return verdict.passed() ? 0 : Cli.EXIT_FAILED;
        } catch (ProgramRun.CannotStart e) {
            err.println("judge hash: " + e.getMessage());
            err.flush();
            return Cli.EXIT_BAD_FLAGS;
        } catch (SQLException e) {
            throw new UserError("the judge could not seed its table: " + e.getMessage(), e);
        } finally {
            deleteTree(dir);
        }
    }

    /** The program's environment for one table. */
    static Map<String, String> environment(JudgedTable table, int iterations, int workers) {
        return Map.of("LAB_DB", table.file().toString(), "LAB_ITERATIONS", Integer.toString(iterations),
                "LAB_WORKERS", Integer.toString(workers));
    }

    /** The two scenarios of one judge run, and the rules and figures they give. */
    private static final class Session {

        private final Settings s;
        private final Path dir;
        private final PrintWriter err;
        private final PrintWriter show;
        private final int cores = Runtime.getRuntime().availableProcessors();
        private final SecureRandom random = new SecureRandom();
        private final Runtimes runtimes = new Runtimes();

        Session(Settings s, Path dir, PrintWriter err, PrintWriter out) {
            this.s = s;
            this.dir = dir;
            this.err = err;
            this.show = s.json() ? err : out;
        }

        HashVerdict run(long judgeStart) throws ProgramRun.CannotStart, InterruptedException, SQLException {
            say("scenario 1 of 2, run: " + s.users() + " users in plaintext, LAB_ITERATIONS=" + s.iterations()
                    + ", LAB_WORKERS=" + cores + ": hash them all");
            JudgedTable first = JudgedTable.seed(dir.resolve("run.db"), s.users(), random.nextLong());
            Transcript run;
            double firstSavedMs;
            try (SaveWatch watch = new SaveWatch(first, runtimes, false)) {
                run = program(first, watch);
                firstSavedMs = watch.firstSavedMs(run.startNanos());
            }
            shown("run", run);
            HashRules rules = new HashRules(s.users(), s.iterations(), cores, cores);
            rules.ran(run);
            if (!run.ending().clean()) {
                return finish(rules, judgeStart);
            }
            say("run: exited 0 after " + Math.round(run.runMs()) + " ms; timing one thread of the same PBKDF2 at i=" + s.iterations());
            OneThreadRate oneThread = OneThreadRate.measure(runtimes, s.iterations());
            say("run: one thread: " + Math.round(oneThread.hashesPerS() * 10) / 10.0 + " hashes/s (" + oneThread.of()
                    + "); checking every row against its plaintext");
            RowAudit audit = RowAudit.of(first, first.snapshot(), s.iterations());
            rules.judgeRun(run, firstSavedMs, audit, oneThread);

            say("scenario 2 of 2, crash: a fresh table; the program is killed (SIGKILL, its whole tree) once "
                    + Math.round(SaveWatch.KILL_FROM * 100) + "% of the rows are saved, then run again to the end");
            JudgedTable second = JudgedTable.seed(dir.resolve("crash.db"), s.users(), random.nextLong());
            Transcript killed;
            String history;
            try (SaveWatch watch = new SaveWatch(second, runtimes, true)) {
                killed = program(second, watch);
                history = watch.history();
            }
            shown("crash, until the kill", killed);
            Map<Long, Stored> atKill = second.snapshot();
            Transcript rerun = null;
            RowAudit after = null;
            Map<Long, Stored> finalRows = null;
            if (killed.ending().kind() == lab.client.judge.Ending.Kind.KILLED) {
                say("crash: " + lab.client.judge.Endings.describe(killed) + "; running it again");
                try (SaveWatch watch = new SaveWatch(second, runtimes, false)) {
                    rerun = program(second, watch);
                }
                shown("crash, the rerun", rerun);
                if (rerun.ending().clean()) {
                    say("crash: the rerun exited 0; checking every row again");
                    finalRows = second.snapshot();
                    after = RowAudit.of(second, finalRows, s.iterations());
                }
            }
            rules.judgeCrash(killed, history, atKill, rerun, after, finalRows);
            return finish(rules, judgeStart);
        }

        private Transcript program(JudgedTable table, SaveWatch watch) throws ProgramRun.CannotStart, InterruptedException {
            return new ProgramRun(s.command(), environment(table, s.iterations(), cores), s.timeLimit(), NO_LINES, () -> 0, watch).run();
        }

        private HashVerdict finish(HashRules rules, long judgeStart) {
            return HashVerdict.of(s.command(), rules.results(), rules.figures((System.nanoTime() - judgeStart) / 1_000_000));
        }

        private void say(String line) {
            err.println("judge: " + line);
            err.flush();
        }

        private void shown(String what, Transcript t) {
            if (s.show()) {
                show.print(HashVerdictText.shown(what, t));
                show.flush();
            }
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            System.err.println("judge hash: could not delete its temporary folder " + dir + ": " + e.getMessage());
        }
    }
}
