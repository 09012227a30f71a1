package lab.server.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A PostgreSQL server for the tests, provisioned by the tests themselves so that {@code ./lab test}
 * on a fresh machine runs the PostgreSQL tests instead of skipping them:
 * <ol>
 * <li>{@code LAB_TEST_POSTGRES_URL} (an admin JDBC URL, e.g.
 *     {@code jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres}), when set, is used as it is;</li>
 * <li>else the server binaries are looked for ({@code pg_ctl} under {@code /usr/lib/postgresql/<version>/bin},
 *     newest version first, or on the PATH); when there are none, and we are root with
 *     {@code apt-get}, Debian's {@code postgresql} package is installed;</li>
 * <li>a throwaway cluster is created with {@code initdb} under {@code target/} (as the
 *     {@code postgres} user through {@code runuser} when we are root: initdb refuses root), started
 *     on 127.0.0.1 on a free port, and stopped when the test JVM exits.</li>
 * </ol>
 * Any step that fails throws with the step's output, so the tests fail loudly; nothing is skipped.
 * Each test asks for a database of its own with {@link #newDatabase()}. The lab's one throwaway
 * PostgreSQL for tests, in lab-server's test jar; lab-client's hash tests use it.
 */
public final class PostgresCluster {

    private static final String ENV_URL = "LAB_TEST_POSTGRES_URL";
    private static PostgresCluster shared;

    private final String adminUrl;
    private final AtomicInteger databases = new AtomicInteger();

    private PostgresCluster(String adminUrl) {
        this.adminUrl = adminUrl;
    }

    /** The one cluster of this test JVM, provisioned on first use. */
    public static synchronized PostgresCluster shared() {
        if (shared == null) {
            String given = System.getenv(ENV_URL);
            shared = new PostgresCluster(given != null && !given.isBlank() ? given : Provisioner.start());
        }
        return shared;
    }

    /** A JDBC URL of a new, empty database on the cluster. */
    public String newDatabase() {
        String name = "lab_test_" + ProcessHandle.current().pid() + "_" + databases.incrementAndGet();
        try (Connection c = DriverManager.getConnection(adminUrl); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + name + " on " + adminUrl + ": " + e.getMessage(), e);
        }
        return adminUrl.replaceFirst("/[^/?]*(\\?|$)", "/" + name + "$1");
    }

    /** initdb, pg_ctl start, and a hook that stops the server with the JVM. */
    private static final class Provisioner {

        private static final String USER = "lab";

        static String start() {
            Path bin = findBinaries().or(Provisioner::installThenFind).orElseThrow(() -> new IllegalStateException(
                    "PostgreSQL tests need a server: no pg_ctl under /usr/lib/postgresql/*/bin or on the PATH, and it could not be"
                            + " installed (needs root and apt-get: apt-get install -y postgresql); or set " + ENV_URL));
            boolean root = "root".equals(System.getProperty("user.name"));
            Path home = clusterHome(root);
            Path data = home.resolve("data");
            int port = freePort();
            run(root, List.of(bin.resolve("initdb").toString(), "-D", data.toString(), "-U", USER, "-A", "trust", "-E", "UTF8", "--no-sync"), "initdb");
            // fsync off: the tests kill clients, never the server, and a throwaway cluster need not survive power loss.
            run(root, List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-l", home.resolve("server.log").toString(),
                    "-o", "-p " + port + " -c listen_addresses=127.0.0.1 -k " + home + " -c fsync=off -c max_connections=50",
                    "-w", "-t", "60", "start"), "pg_ctl start");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    run(root, List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "immediate", "-w", "stop"), "pg_ctl stop");
                    deleteTree(home);
                } catch (RuntimeException e) {
                    System.err.println("could not stop the test PostgreSQL in " + home + ": " + e.getMessage());
                }
            }));
            return "jdbc:postgresql://127.0.0.1:" + port + "/postgres?user=" + USER;
        }

        /** The newest installed server's bin directory; found by looking, never a fixed version. */
        static Optional<Path> findBinaries() {
            Path debian = Paths.get("/usr/lib/postgresql");
            if (Files.isDirectory(debian)) {
                try (Stream<Path> versions = Files.list(debian)) {
                    Optional<Path> newest = versions.map(v -> v.resolve("bin"))
                            .filter(b -> Files.isExecutable(b.resolve("pg_ctl")) && Files.isExecutable(b.resolve("initdb")))
                            .max(Comparator.comparing(b -> versionOf(b.getParent())));
                    if (newest.isPresent()) {
                        return newest;
                    }
                } catch (IOException e) {
                    // fall through to the PATH
                }
            }
            for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
                Path pgCtl = Paths.get(dir).resolve("pg_ctl");
                if (!dir.isEmpty() && Files.isExecutable(pgCtl)) {
                    try {
                        Path real = pgCtl.toRealPath().getParent();
                        if (Files.isExecutable(real.resolve("initdb"))) {
                            return Optional.of(real);
                        }
                    } catch (IOException e) {
                        // a broken link: keep looking
                    }
                }
            }
            return Optional.empty();
        }

        private static int versionOf(Path dir) {
            try {
                return Integer.parseInt(dir.getFileName().toString().replaceAll("\\..*", ""));
            } catch (NumberFormatException e) {
                return 0;
            }
        }

        private static Optional<Path> installThenFind() {
            if (!"root".equals(System.getProperty("user.name")) || !Files.isExecutable(Paths.get("/usr/bin/apt-get"))) {
                return Optional.empty();
            }
            System.err.println("PostgreSQL not found: installing Debian's postgresql package for the tests...");
            run(false, List.of("apt-get", "update", "-qq"), "apt-get update");
            run(false, List.of("env", "DEBIAN_FRONTEND=noninteractive", "apt-get", "install", "-y", "-qq", "postgresql"), "apt-get install postgresql");
            return findBinaries();
        }

        /**
         * Where the cluster lives: under {@code target/} when the postgres user can reach it (as root
         * the server runs as postgres, which cannot enter a directory such as {@code /root}), else a
         * fresh directory under the system temporary directory.
         */
        private static Path clusterHome(boolean root) {
            try {
                Path target = Paths.get("target").toAbsolutePath();
                Files.createDirectories(target);
                Path home = Files.createTempDirectory(target, "pg-");
                if (!root) {
                    return home;
                }
                run(false, List.of("chown", "postgres:postgres", home.toString()), "chown");
                if (exitCode(List.of("runuser", "-u", "postgres", "--", "test", "-w", home.toString())) == 0) {
                    return home;
                }
                deleteTree(home);
                home = Files.createTempDirectory("lab-pg-");
                run(false, List.of("chown", "postgres:postgres", home.toString()), "chown");
                return home;
            } catch (IOException e) {
                throw new IllegalStateException("cannot create a directory for the test PostgreSQL: " + e.getMessage(), e);
            }
        }

        private static int freePort() {
            try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
                return socket.getLocalPort();
            } catch (IOException e) {
                throw new IllegalStateException("no free port: " + e.getMessage(), e);
            }
        }

        private static void run(boolean asPostgres, List<String> command, String step) {
            List<String> full = new ArrayList<>();
            if (asPostgres) {
                full.addAll(List.of("runuser", "-u", "postgres", "--"));
            }
            full.addAll(command);
            try {
                Path log = Files.createTempFile("lab-pg-step", ".log");
                Process p = new ProcessBuilder(full).redirectErrorStream(true).redirectOutput(log.toFile()).start();
                if (!p.waitFor(10, TimeUnit.MINUTES)) {
                    p.destroyForcibly();
                    throw new IllegalStateException(step + " did not finish in 10 minutes: " + String.join(" ", full));
                }
                String output = Files.readString(log, StandardCharsets.UTF_8);
                Files.deleteIfExists(log);
                if (p.exitValue() != 0) {
                    throw new IllegalStateException(step + " failed (exit " + p.exitValue() + "): " + String.join(" ", full) + "\n" + output);
                }
            } catch (IOException e) {
                throw new IllegalStateException(step + " could not run: " + e.getMessage(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(step + " interrupted", e);
            }
        }

        private static int exitCode(List<String> command) {
            try {
                return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
            } catch (IOException e) {
                return -1;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return -1;
            }
        }

        private static void deleteTree(Path root) {
            if (!Files.exists(root)) {
                return;
            }
            try (Stream<Path> all = Files.walk(root)) {
                all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                // a leftover under target/ or the temporary directory is harmless
            }
        }
    }
}
