package lab.client.hash;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.LongAdder;
import lab.client.cli.Json;
import lab.client.cli.Progress;
import lab.client.cli.UserError;
import lab.client.hash.db.Database;
import lab.client.hash.db.UsersTable;
import lab.client.hash.db.UsersTable.Stored;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code hash verify}: checks every stored hash against the plaintexts of an {@code id,password}
 * file (as {@code seed --export} writes it; everything after the first comma is the password).
 * A user is ok when the stored hash is a PHC string of their own password and no plaintext is
 * left. Verifying costs as much as hashing, so the file is read in chunks and each chunk's hashes
 * are recomputed on all cores.
 */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = "Check every stored hash against id,password plaintexts.",
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:every user is ok", "1:checked, and not every user is ok",
                "2:no verdict: a bad flag, a missing, empty or malformed FILE.csv, or a database that cannot be read"})
final class HashVerifyCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    /** Exit code when no verdict could be reached, kept apart from 1, the verdict "not every user is ok". */
    static final int EXIT_NO_VERDICT = 2;

    private static final int CHUNK = 1_000;

    @Mixin
    DbOption db;

    @Option(names = "--from", paramLabel = "FILE.csv", required = true, description = "id,password lines with that header (hash seed --export)")
    Path from;

    @Option(names = "--workers", paramLabel = "K", description = "threads recomputing hashes (default: the cores)")
    Integer workers;

    @Option(names = "--json", description = "print one JSON object on stdout")
    boolean json;

    /**
     * What {@code --json} prints. {@code ok}: hash matches, plaintext cleared; {@code mismatched}: a
     * hash that is not of this password (or not a PHC string); {@code unhashed}: no hash;
     * {@code missing}: no such id; {@code plaintext_left}: hash matches but the plaintext is still there.
     */
    record Report(long checked, long ok, long mismatched, long unhashed, long missing, long plaintextLeft, long wallMs) {
    }

    private final LongAdder ok = new LongAdder();
    private final LongAdder mismatched = new LongAdder();
    private final LongAdder unhashed = new LongAdder();
    private final LongAdder missing = new LongAdder();
    private final LongAdder plaintextLeft = new LongAdder();

    @Override
    public Integer call() {
        try {
            return verify();
        } catch (UserError e) {
            throw e.exitingWith(EXIT_NO_VERDICT);
        } catch (SQLException e) {
            throw new UserError("cannot read the users table: " + e.getMessage(), e).exitingWith(EXIT_NO_VERDICT);
        }
    }

    private int verify() throws SQLException {
        Database database = db.existing();
        UsersTable table = new UsersTable(database);
        long start = System.nanoTime();
        long checked = 0;
        ForkJoinPool pool = new ForkJoinPool(workers == null ? Runtime.getRuntime().availableProcessors() : Math.max(1, workers));
        try (Connection c = database.connect();
             BufferedReader in = Files.newBufferedReader(from, StandardCharsets.UTF_8);
             Progress progress = json ? Progress.silent() : Progress.start(spec.commandLine().getErr(), "verify", dataLines(), "users")) {
            table.require(c);
            String header = in.readLine();
            if (header == null) {
                throw new UserError(from + ": the file is empty (expected the header 'id,password', then one id,password per line)");
            }
            if (!header.strip().equals("id,password")) {
                throw new UserError(from + ": expected the header 'id,password', found '" + header + "'");
            }
            List<Line> chunk = new ArrayList<>(CHUNK);
            for (String text = in.readLine(); text != null; text = in.readLine()) {
                if (!text.isEmpty()) {
                    chunk.add(Line.parse(text, from));
                }
                if (chunk.size() == CHUNK) {
                    checked += check(table, c, chunk, pool, progress);
                    chunk.clear();
                }
            }
            checked += check(table, c, chunk, pool, progress);
        } catch (NoSuchFileException e) {
            throw new UserError("no such file: " + from);
        } catch (IOException e) {
            throw new UserError("cannot read " + from + ": " + e.getMessage(), e);
        } finally {
            pool.shutdownNow();
        }
        Report r = new Report(checked, ok.sum(), mismatched.sum(), unhashed.sum(), missing.sum(), plaintextLeft.sum(),
                (System.nanoTime() - start) / 1_000_000);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(Json.line(r));
        } else {
            out.printf("checked %d users of %s: %d ok, %d mismatched, %d unhashed, %d missing, %d with plaintext left (%d ms)%n",
                    r.checked(), database, r.ok(), r.mismatched(), r.unhashed(), r.missing(), r.plaintextLeft(), r.wallMs());
        }
        return r.ok() == r.checked() ? 0 : 1;
    }

    /** The file's lines after the header: a quick count first, so the progress line can show an ETA. */
    private long dataLines() throws IOException {
        try (var lines = Files.lines(from, StandardCharsets.UTF_8)) {
            return Math.max(0, lines.filter(line -> !line.isEmpty()).count() - 1);
        }
    }

    private long check(UsersTable table, Connection c, List<Line> chunk, ForkJoinPool pool, Progress progress) throws SQLException {
        Map<Long, Stored> stored = table.lookup(c, chunk.stream().map(Line::id).toList());
        pool.submit(() -> chunk.parallelStream().forEach(line -> {
            judge(line, stored.get(line.id()));
            progress.advance(1);
        })).join();
        return chunk.size();
    }

    private void judge(Line line, Stored stored) {
        switch (StoredCheck.of(line.password(), stored)) {
            case MISSING -> missing.increment();
            case UNHASHED -> unhashed.increment();
            case MISMATCHED -> mismatched.increment();
            case PLAINTEXT_LEFT -> plaintextLeft.increment();
            case OK -> ok.increment();
        }
    }

    /** One line of the plaintext file. */
    private record Line(long id, String password) {

        static Line parse(String text, Path file) {
            int comma = text.indexOf(',');
            try {
                return new Line(Long.parseLong(text.substring(0, Math.max(0, comma)).strip()), text.substring(comma + 1));
            } catch (NumberFormatException e) {
                throw new UserError(file + ": expected id,password, found '" + text + "'");
            }
        }
    }
}
