package lab.server.loopback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import lab.server.LabServer;
import lab.server.bench.ChildServer;
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

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int IN_FLIGHT = 5;

    @ParameterizedTest
    @ValueSource(strings = {"TERM", "INT"})
    void aSignalDrainsEveryRequestInFlightThenExits0(String signal) throws Exception {
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
            String first = child.stdout().readLine();
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
            assertThat(child.stdout().readLine()).startsWith("lab-server: drained in ")
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
            assertThat(child.stdout().readLine()).contains("draining");
            kill(child.process(), "TERM");
            // Well inside the 10 minutes the drain would wait: only the second signal can end it by then.
            assertThat(child.process().waitFor(60, TimeUnit.SECONDS)).as("exits on the second signal").isTrue();
            assertThat(child.process().exitValue()).isEqualTo(128 + 15);
            assertThat(child.stdout().readLine()).startsWith("lab-server: SIGTERM again: exiting now, 1 request(s) left unanswered");
        }
    }

    @Test
    void whatIsStillInFlightAtTheDrainTimeoutIsCutOffAndTheExitIsStill0() throws Exception {
        try (ChildServer child = ChildServer.start(false, List.of(), LabServer.class, "--port", "0", "--drain-timeout", "500ms");
             HttpConnection hung = new HttpConnection(child.port)) {
            hung.send("GET", "/api/items/stuck?fail=hang");
            Await.until("the hang is in flight", () -> inFlight(child.port) == 1);

            kill(child.process(), "TERM");
            assertThat(child.stdout().readLine()).contains("draining", "at most 500ms");
            assertThrows(EOFException.class, hung::read, "the hung request is cut off, not answered");
            assertThat(child.process().waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(child.process().exitValue()).isZero();
            assertThat(child.stdout().readLine()).startsWith("lab-server: drain timeout 500ms passed: 1 request(s) still in flight were cut off");
        }
    }

    private static int inFlight(int port) {
        try (HttpConnection c = new HttpConnection(port)) {
            return JSON.readTree(c.get("/stats").body()).get("in_flight").asInt();
        } catch (IOException e) {
            throw new AssertionError("cannot read the child's /stats: " + e, e);
        }
    }

    private static void kill(Process process, String signal) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-s", signal, String.valueOf(process.pid())).inheritIO().start();
        assertThat(kill.waitFor(10, TimeUnit.SECONDS) && kill.exitValue() == 0).as("kill -s " + signal + " ran").isTrue();
    }
}
