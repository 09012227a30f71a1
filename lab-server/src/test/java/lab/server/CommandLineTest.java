package lab.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import lab.server.support.ChildJvm;
import lab.server.support.HttpConnection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The real command line, in a child JVM: exit codes, the first line, and one-line errors. */
class CommandLineTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "--limit 0            | --limit        | 1 to 1000000",
            "--limit many         | --limit        | 1 to 1000000",
            "--port 70000         | --port         | 0 to 65535",
            "--fault-rate 1.5     | --fault-rate   | 0 to 1",
            "--latency slow       | --latency      | lognormal:median=50ms,p99=400ms",
            "--latency fixed:10   | --latency      | 250ms, 2s or 1m",
            "--seed x             | --seed         | whole number",
            "--io-threads -1      | --io-threads   | half the cores",
            "--header-timeout 0ms | --header-timeout | 1ms to 10m",
            "--header-timeout 5   | --header-timeout | 250ms, 2s or 1m",
            "--idle-timeout 61m   | --idle-timeout | 1ms to 60m",
            "--max-connections 0  | --max-connections | 1 to 1000000",
            "--max-connections x  | --max-connections | 1 to 1000000",
            "--drain-timeout 11m  | --drain-timeout | 0ms (answer nothing) to 10m",
            "--drain-timeout soon | --drain-timeout | 250ms, 2s or 1m",
            "--verbose            | --verbose      | --latency SPEC",
            "--port               | --port         | --limit N",
            "--item 7             | --item         | ID=FATE",
            "--item 7=slow        | --item         | bad fate 'slow'",
    })
    void aBadFlagExitsWith2AndOneLineSayingWhatIsAllowed(String args, String named, String allowed) throws Exception {
        Process p = launch(args.split(" "));
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).as("exits promptly").isTrue();
        List<String> err = lines(p.errorReader(StandardCharsets.UTF_8));
        assertThat(p.exitValue()).isEqualTo(2);
        assertThat(err).singleElement().satisfies(line -> assertThat(line).startsWith("lab-server: ").contains(named, allowed));
        assertThat(lines(p.inputReader(StandardCharsets.UTF_8))).isEmpty();
    }

    @Test
    void itsFirstLineNamesTheRealPortAndItServesThere() throws Exception {
        Process p = launch("--port", "0", "--latency", "fixed:1ms", "--item", "7=delay:20ms", "--item", "3=fail:503");
        try {
            BufferedReader out = p.inputReader(StandardCharsets.UTF_8);
            String first = out.readLine();
            assertThat(first).matches("listening on http://127\\.0\\.0\\.1:\\d+");
            int port = Integer.parseInt(first.substring(first.lastIndexOf(':') + 1));
            try (HttpConnection c = new HttpConnection(port)) {
                assertThat(c.get("/health").status()).isEqualTo(200);
                assertThat(c.get("/api/items/cli").body()).isEqualTo("{\"id\":\"cli\",\"service_ms\":1}");
                assertThat(c.get("/api/items/7").body()).as("--item scripts an id").isEqualTo("{\"id\":\"7\",\"service_ms\":20}");
                assertThat(c.get("/api/items/3").status()).isEqualTo(503);
            }
        } finally {
            p.destroy();
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).as("stops on SIGTERM").isTrue();
        }
    }

    @Test
    void aTakenPortIsOneLineAndExit1() throws Exception {
        try (LabServer taken = LabServer.start(ServerConfig.defaults().withPort(0))) {
            Process p = launch("--port", String.valueOf(taken.port()));
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).isEqualTo(1);
            assertThat(lines(p.errorReader(StandardCharsets.UTF_8))).singleElement()
                    .satisfies(line -> assertThat(line).startsWith("lab-server: cannot listen on 127.0.0.1:" + taken.port()));
        }
    }

    private static Process launch(String... args) throws IOException {
        return new ProcessBuilder(ChildJvm.command(List.of(), LabServer.class, args)).start();
    }

    private static List<String> lines(BufferedReader reader) throws IOException {
        try (reader) {
            return reader.lines().toList();
        }
    }
}
