package lab.server.loopback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import lab.server.LabServer;
import lab.server.bench.ChildServer;
import lab.server.stats.ServerStats;
import lab.server.support.Await;
import lab.server.support.HttpConnection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * SIGTERM and Ctrl-C against the real command line in a child JVM: the requests in flight are
 * answered, nothing new is let in, the process exits 0 and says so; a second signal exits at once.
 */
class DrainTest {

    private static final int IN_FLIGHT = 5;

    @ParameterizedTest
    @ValueSource(strings = {"TERM", "INT"})
    void aSignalDrainsEveryRequestInFlightThenExits0(String signal) throws Exception {
        if (signal.equals("INT") && sigintIgnored()) {
            ctrlCIgnoredAsInABackgroundJob();
            return;
        }
        try (ChildServer child = ChildServer.start(false, List.of(), LabServer.class,
                "--port", "0", "--latency", "fixed:1ms", "--drain-timeout", "30s")) {
            List<HttpConnection> busy = new ArrayList<>();
            for (int i = 0; i < IN_FLIGHT; i++) {
                HttpConnection c = new HttpConnection(child.port);
                c.send("GET", "/api/items/drain-" + i + "?delay_ms=1500");
                busy.add(c);
            }
            HttpConnection idle = new HttpConnection(child.port);
            assertThat(idle.get("/health").status()).isEqualTo(200);
            Await.until(IN_FLIGHT + " requests are in flight", () -> inFlight(child.port) == IN_FLIGHT);

            kill(child.process(), signal);
            String first = line(child);
            assertThat(first).startsWith("lab-server: SIG" + signal + ": draining")
                    .contains(IN_FLIGHT + " request(s) in flight", "again to exit at once");

            for (HttpConnection c : busy) {
                HttpConnection.Response r = c.read();
                assertThat(r.status()).isEqualTo(200);
                assertThat(r.header("Connection")).isEqualTo("close");
                assertThat(c.serverClosed()).isTrue();
                c.close();
            }
            assertThat(idle.serverClosed()).as("an idle connection is closed at once").isTrue();
            idle.close();
            assertThrows(ConnectException.class, () -> new HttpConnection(child.port).close(), "nothing new is accepted");

            assertThat(child.process().waitFor(30, TimeUnit.SECONDS)).as("exits by itself").isTrue();
            assertThat(child.process().exitValue()).isZero();
            assertThat(line(child)).startsWith("lab-server: drained in ")
                    .contains("all " + IN_FLIGHT + " request(s) in flight at the signal answered");
        }
    }

    @Test
    void aSecondSignalExitsAtOnce() throws Exception {
        try (ChildServer child = ChildServer.start(false, List.of(), LabServer.class, "--port", "0", "--drain-timeout", "10m");
             HttpConnection hung = new HttpConnection(child.port)) {
            hung.send("GET", "/api/items/stuck?fail=hang");
            Await.until("the hang is in flight", () -> inFlight(child.port) == 1);

            kill(child.process(), "TERM");
            assertThat(line(child)).contains("draining");
            kill(child.process(), "TERM");
            // Well inside the 10 minutes the drain would wait: only the second signal can end it by then.
            assertThat(child.process().waitFor(60, TimeUnit.SECONDS)).as("exits on the second signal").isTrue();
            assertThat(child.process().exitValue()).isEqualTo(128 + 15);
            assertThat(line(child)).startsWith("lab-server: SIGTERM again: exiting now, 1 request(s) left unanswered");
        }
    }

    @Test
    void whatIsStillInFlightAtTheDrainTimeoutIsCutOffAndTheExitIsStill0() throws Exception {
        try (ChildServer child = ChildServer.start(false, List.of(), LabServer.class, "--port", "0", "--drain-timeout", "500ms");
             HttpConnection hung = new HttpConnection(child.port)) {
            hung.send("GET", "/api/items/stuck?fail=hang");
            Await.until("the hang is in flight", () -> inFlight(child.port) == 1);

            kill(child.process(), "TERM");
            assertThat(line(child)).contains("draining", "at most 500ms");
            assertThrows(EOFException.class, hung::read, "the hung request is cut off, not answered");
            assertThat(child.process().waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(child.process().exitValue()).isZero();
            assertThat(line(child)).startsWith("lab-server: drain timeout 500ms passed: 1 request(s) still in flight were cut off");
        }
    }

    /**
     * Run from a background job, this JVM (and so its child) inherits SIGINT ignored, as a shell
     * leaves it for every background command, and no process can take it back. Then Ctrl-C is not
     * the user's to send, and the server must simply go on serving; SIGTERM still drains it.
     */
    private static void ctrlCIgnoredAsInABackgroundJob() throws Exception {
        System.out.println("SIGINT is ignored in this process (a background job): checking that lab-server goes on serving through it");
        try (ChildServer child = ChildServer.start(false, List.of(), LabServer.class, "--port", "0", "--latency", "fixed:1ms")) {
            kill(child.process(), "INT");
            try (HttpConnection c = new HttpConnection(child.port)) {
                assertThat(c.get("/api/items/after-int").status()).isEqualTo(200);
            }
            kill(child.process(), "TERM");
            assertThat(line(child)).contains("SIGTERM: draining");
            assertThat(child.process().waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(child.process().exitValue()).isZero();
        }
    }

    /** Bit 2 of SigIgn in /proc/self/status: SIGINT ignored, inherited by every child. */
    private static boolean sigintIgnored() throws IOException {
        for (String l : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (l.startsWith("SigIgn:")) {
                return (Long.parseLong(l.substring(7).strip(), 16) & (1L << 1)) != 0;
            }
        }
        throw new AssertionError("no SigIgn line in /proc/self/status: cannot tell whether SIGINT can be sent here");
    }

    /** The child's next stdout line, waited for with a bound so that a server that ignores a signal fails the test. */
    private static String line(ChildServer child) throws Exception {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return child.stdout().readLine();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).get(30, TimeUnit.SECONDS);
    }

    private static int inFlight(int port) {
        try (HttpConnection c = new HttpConnection(port)) {
            return ServerStats.parse(c.get("/stats").body()).inFlight();
        } catch (IOException e) {
            throw new AssertionError("cannot read the child's /stats: " + e, e);
        }
    }

    private static void kill(Process process, String signal) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-s", signal, String.valueOf(process.pid())).inheritIO().start();
        assertThat(kill.waitFor(10, TimeUnit.SECONDS) && kill.exitValue() == 0).as("kill -s " + signal + " ran").isTrue();
    }
}
