package lab.server.bench;

import java.io.IOException;
import java.util.List;
import lab.server.ServerConfig;

/**
 * Keeps the server and the load generator on separate cores, with {@code taskset}, when the machine
 * has one and at least two cores. On a small machine left to the scheduler, the two sometimes share a
 * core and sometimes do not, and the request rate swings by a third from one run to the next; pinned,
 * every round measures the same arrangement. The server gets the cores its event loops need. Used for
 * the throughput comparison only: see ServerBench for why the latency runs are left to the scheduler.
 */
final class Cpus {

    private static final int CORES = Runtime.getRuntime().availableProcessors();
    private static final int SERVER_CORES = ServerConfig.defaultIoThreads();
    private static final boolean PINNED = CORES >= 2 && SERVER_CORES < CORES && tasksetWorks();

    private Cpus() {
    }

    /** The command prefix for a server process: its cores, or nothing when not pinning. */
    static List<String> server() {
        return PINNED ? List.of("taskset", "-c", range(0, SERVER_CORES - 1)) : List.of();
    }

    /** The command prefix for a load-generator process: the other cores. */
    static List<String> load() {
        return PINNED ? List.of("taskset", "-c", range(SERVER_CORES, CORES - 1)) : List.of();
    }

    static String describe() {
        return PINNED ? "throughput runs: servers on CPU " + range(0, SERVER_CORES - 1) + ", wrk on CPU "
                + range(SERVER_CORES, CORES - 1) + " (the JVM client and the latency runs are not pinned)"
                : "not pinned (taskset missing or one core)";
    }

    private static String range(int from, int to) {
        return from == to ? String.valueOf(from) : from + "-" + to;
    }

    private static boolean tasksetWorks() {
        try {
            return new ProcessBuilder("taskset", "-c", "0", "true").redirectErrorStream(true).start().waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
