package lab.client.hash.db;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import lab.client.cli.UserError;

/**
 * Where the users table lives: an embedded SQLite file ({@code jdbc:sqlite:FILE}, or just a file
 * name) or a PostgreSQL server ({@code jdbc:postgresql://HOST:PORT/DB}). Opening a connection that
 * fails is a {@link UserError} naming the URL, never a stack trace.
 */
public final class Database {

    public static final String DEFAULT_URL = "jdbc:sqlite:lab.db";

    public enum Kind { sqlite, postgresql }

    private final String url;
    private final Kind kind;

    private Database(String url, Kind kind) {
        this.url = url;
        this.kind = kind;
    }

    /** Reads a {@code --db} value; a bare path means an SQLite file. */
    public static Database of(String text) {
        String url = text.strip();
        if (url.startsWith("jdbc:sqlite:") && url.length() > "jdbc:sqlite:".length()) {
            return new Database(url, Kind.sqlite);
        }
        if (url.startsWith("jdbc:postgresql://")) {
            return new Database(url, Kind.postgresql);
        }
        if (!url.isEmpty() && !url.contains(":")) {
            return new Database("jdbc:sqlite:" + url, Kind.sqlite);
        }
        throw new UserError("--db: unsupported database URL '" + text
                + "' (use jdbc:sqlite:FILE, a file name, or jdbc:postgresql://HOST:PORT/DB)");
    }

    /** For SQLite, fails with a one-line error when the file does not exist (connecting would create it). */
    public void requireExisting() {
        if (kind != Kind.sqlite) {
            return;
        }
        String path = url.substring("jdbc:sqlite:".length()).replaceFirst("^file:", "").replaceFirst("\\?.*$", "");
        if (!path.isEmpty() && !path.startsWith(":memory:") && !java.nio.file.Files.exists(java.nio.file.Path.of(path))) {
            throw new UserError("no such SQLite file: " + path + " (create it with 'hash seed --db " + url + " --users N')");
        }
    }

    public Kind kind() {
        return kind;
    }

    public String url() {
        return url;
    }

    /**
     * A new connection in auto-commit mode. SQLite gets write-ahead logging (readers never wait
     * for the writer, and a killed writer's half transaction is simply not in the log) and a busy
     * timeout, so a second process waits for the write lock instead of failing at once.
     */
    public Connection connect() {
        try {
            Properties properties = new Properties();
            if (kind == Kind.postgresql) {
                properties.setProperty("connectTimeout", "10");
                // A migrator on a machine that vanishes: keep-alives let the server notice and
                // release its claim even when no FIN ever arrives.
                properties.setProperty("tcpKeepAlive", "true");
            }
            Connection connection = DriverManager.getConnection(url, properties);
            if (kind == Kind.sqlite) {
                try (Statement s = connection.createStatement()) {
                    s.execute("PRAGMA journal_mode=WAL");
                    s.execute("PRAGMA synchronous=NORMAL");
                    s.execute("PRAGMA busy_timeout=60000");
                }
            }
            return connection;
        } catch (SQLException e) {
            throw new UserError("cannot open " + url + ": " + oneLine(e), e);
        }
    }

    static String oneLine(SQLException e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.replace('\n', ' ').strip();
    }

    @Override
    public String toString() {
        return url;
    }
}
