package lab.client.hash;

import lab.client.hash.db.Database;
import picocli.CommandLine.Option;

/**
 * The {@code --db} flag every hash subcommand shares. Its default is {@code $LAB_DB} when that is
 * set, the variable {@code judge hash} gives the program it judges, so that {@code hash migrate}
 * can be judged as it is.
 */
final class DbOption {

    @Option(names = "--db", paramLabel = "URL", defaultValue = "${env:LAB_DB:-" + Database.DEFAULT_URL + "}",
            description = "jdbc:sqlite:FILE (or a file name) or jdbc:postgresql://HOST:PORT/DB (default: $LAB_DB when set, else "
                    + Database.DEFAULT_URL + " in the working directory; now ${DEFAULT-VALUE})")
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
