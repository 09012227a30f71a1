package lab.client.hash;

import lab.client.hash.db.Database;
import picocli.CommandLine.Option;

/** The {@code --db} flag every hash subcommand shares. */
final class DbOption {

    @Option(names = "--db", paramLabel = "URL", defaultValue = Database.DEFAULT_URL,
            description = "jdbc:sqlite:FILE (or a file name) or jdbc:postgresql://HOST:PORT/DB (default: ${DEFAULT-VALUE}, in the working directory)")
    String url;

    Database database() {
        return Database.of(url);
    }

    /** The database, which must exist already: an SQLite file that is not there is an error, not a new empty file. */
    Database existing() {
        Database db = database();
        db.requireExisting();
        return db;
    }
}
