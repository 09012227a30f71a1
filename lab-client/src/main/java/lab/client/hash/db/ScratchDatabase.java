package lab.client.hash.db;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

/**
 * A throwaway database on a PostgreSQL someone else owns: {@code ./lab bench-hash --pg URL} ({@code HashBench}) seeds and
 * replaces a {@code users} table, which must never be the one in the database the URL names. So it
 * creates {@code lab_scratch_<random>} next to it, works there, and drops it afterwards.
 *
 * <pre>
 *   java -cp lab-client.jar lab.client.hash.db.ScratchDatabase create ADMIN_URL   # prints the scratch URL
 *   java -cp lab-client.jar lab.client.hash.db.ScratchDatabase drop ADMIN_URL SCRATCH_URL
 * </pre>
 */
public final class ScratchDatabase {

    private static final String PREFIX = "jdbc:postgresql://";

    private ScratchDatabase() {
    }

    public static void main(String[] args) throws SQLException {
        if (args.length == 2 && args[0].equals("create")) {
            System.out.println(create(args[1]));
        } else if (args.length == 3 && args[0].equals("drop")) {
            drop(args[1], args[2]);
        } else {
            System.err.println("usage: ScratchDatabase create ADMIN_URL | drop ADMIN_URL SCRATCH_URL");
            System.exit(2);
        }
    }

    /** Creates a database of a fresh random name on the server of {@code adminUrl}; returns its URL. */
    public static String create(String adminUrl) throws SQLException {
        String name = "lab_scratch_" + Long.toHexString(new SecureRandom().nextLong() >>> 1);
        try (Connection c = DriverManager.getConnection(adminUrl); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        }
        return withDatabase(adminUrl, name);
    }

    /** Drops a database {@link #create} made; refuses any other name, so it can never drop the user's own. */
    public static void drop(String adminUrl, String scratchUrl) throws SQLException {
        String name = databaseOf(scratchUrl);
        if (!name.matches("lab_scratch_[0-9a-f]+")) {
            throw new IllegalArgumentException("not a scratch database: " + name);
        }
        try (Connection c = DriverManager.getConnection(adminUrl); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        }
    }

    /** {@code jdbc:postgresql://HOST:PORT/DB?params} with DB replaced. */
    static String withDatabase(String url, String name) {
        int slash = slashBeforeDatabase(url);
        int query = url.indexOf('?', slash);
        return url.substring(0, slash + 1) + name + (query < 0 ? "" : url.substring(query));
    }

    static String databaseOf(String url) {
        int slash = slashBeforeDatabase(url);
        int query = url.indexOf('?', slash);
        return url.substring(slash + 1, query < 0 ? url.length() : query).toLowerCase(Locale.ROOT);
    }

    private static int slashBeforeDatabase(String url) {
        if (!url.startsWith(PREFIX) || url.indexOf('/', PREFIX.length()) < 0) {
            throw new IllegalArgumentException("not a jdbc:postgresql://HOST:PORT/DB URL: " + url);
        }
        return url.indexOf('/', PREFIX.length());
    }
}
