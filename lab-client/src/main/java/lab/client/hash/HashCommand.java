package lab.client.hash;

import picocli.CommandLine.Command;

/**
 * {@code hash seed|migrate|verify}: the seed's password task. A users table full of plaintext
 * passwords is hashed in place, in batches, crash-safe, on an embedded SQLite file or on PostgreSQL
 * shared by several migrators.
 */
@Command(name = "hash", mixinStandardHelpOptions = true,
        description = {"Hash a table of plaintext passwords in place: seed it, migrate it, verify it.",
                "--db defaults to jdbc:sqlite:lab.db, an SQLite file in the working directory; jdbc:postgresql://HOST:PORT/DB works the same."},
        subcommands = {HashSeedCommand.class, HashMigrateCommand.class, HashVerifyCommand.class})
public final class HashCommand {
}
