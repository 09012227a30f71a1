package lab.client.hash;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.Callable;
import lab.client.cli.Json;
import lab.client.cli.Progress;
import lab.client.cli.UserError;
import lab.client.hash.db.Database;
import lab.client.hash.db.SeedPasswords;
import lab.client.hash.db.UsersTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code hash seed}: creates the users table with N users and their plaintext passwords. */
@Command(name = "seed", mixinStandardHelpOptions = true,
        description = "Create table users(id, login, password, password_hash) holding N users with plaintext passwords.")
final class HashSeedCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    DbOption db;

    @Option(names = "--users", paramLabel = "N", required = true, description = "how many users (ids 1..N)")
    long users;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "42", description = "seed of the passwords: the same seed gives the same table (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--export", paramLabel = "FILE.csv", description = "also write id,password (with that header) for outside checks and 'hash verify'")
    Path export;

    @Option(names = "--replace", description = "drop a table that already holds users")
    boolean replace;

    @Option(names = "--json", description = "print one JSON object on stdout")
    boolean json;

    /** What {@code --json} prints. */
    record Report(String db, long users, long seed, String export, long wallMs, double rowsPerS) {
    }

    @Override
    public Integer call() throws SQLException, IOException {
        if (users < 1) {
            throw new ParameterException(spec.commandLine(), "--users must be at least 1, not " + users);
        }
        Database database = db.database();
        UsersTable table = new UsersTable(database);
        long start = System.nanoTime();
        try (Connection c = database.connect();
             Progress progress = json ? Progress.silent() : Progress.start(spec.commandLine().getErr(), "seed", users, "users")) {
            table.create(c, replace);
            table.insertSeeded(c, users, seed, progress::advance);
        } catch (SQLException e) {
            throw new UserError("seeding " + database + " failed: " + e.getMessage(), e);
        }
        if (export != null) {
            writeExport();
        }
        long wallMs = Math.max(1, (System.nanoTime() - start) / 1_000_000);
        Report report = new Report(database.kind().name(), users, seed, export == null ? null : export.toString(), wallMs, users * 1000.0 / wallMs);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(Json.line(report));
        } else {
            out.printf("seeded %d users with plaintext passwords into %s in %d ms%s%n", users, database, wallMs,
                    export == null ? "" : "; id,password written to " + export);
        }
        return 0;
    }

    private void writeExport() {
        try (BufferedWriter out = Files.newBufferedWriter(export, StandardCharsets.UTF_8)) {
            out.write("id,password\n");
            for (long id = 1; id <= users; id++) {
                out.write(Long.toString(id));
                out.write(',');
                out.write(SeedPasswords.of(seed, id));
                out.write('\n');
            }
        } catch (IOException e) {
            throw new UserError("cannot write " + export + ": " + e.getMessage(), e);
        }
    }
}
