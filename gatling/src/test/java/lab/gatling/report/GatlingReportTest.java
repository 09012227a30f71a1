package lab.gatling.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import lab.gatling.judge.ServerProfile;
import lab.gatling.run.ClientFigures;
import lab.gatling.run.RawLog;
import lab.gatling.run.Verdict;
import lab.gatling.run.WindowFigures;
import lab.server.stats.Percentiles;
import lab.server.stats.Snapshot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The generator, on a raw file written the way a simulation writes one (through RawLog). */
class GatlingReportTest {

    @TempDir
    Path results;

    /** A ramp over a fixed 100 ms service and a limit of 10: Little's bound is exactly 100 rps. */
    private void writeRamp() {
        // offered rps -> refused per 20 s window (whole counts): 0.5% at 90 rps, 5.5% at 100 rps, so the knee is at 91 rps.
        double[][] steps = {{50, 0}, {90, 0.005}, {100, 0.055}, {120, 0.2}};
        List<WindowFigures> windows = new ArrayList<>();
        for (double[] step : steps) {
            long arrivals = Math.round(step[0] * 20);
            long rejected = Math.round(arrivals * step[1]);
            long accepted = arrivals - rejected;
            Snapshot s = new Snapshot(10, 0, 10, accepted, rejected, accepted, 0, accepted * 100, 100,
                    new Percentiles(100.1, 100.3, 101.0, 102.0, 103.0, accepted, 100.2));
            Map<String, ClientFigures> clients = new LinkedHashMap<>();
            clients.put("ramp", new ClientFigures(accepted, rejected, 0, 0, arrivals,
                    new Percentiles(101, 102, 104, 105, 106, accepted, 101.5)));
            windows.add(new WindowFigures(Math.round(step[0]) + " rps", step[0], 20_000, 0, s, clients));
        }
        RawLog.write(results.resolve("raw").resolve("gatling"), "open-ramp", "fixed:100ms-regular",
                new ServerProfile(10, "fixed:100ms", 0, 42), true, Map.of("arrivals", "regular"), windows,
                List.of(new Verdict.Claim("never above the limit", true, "max in flight 10 of 10")));
    }

    /** A window's server block is lab-server's /stats figures, read strictly: a renamed field fails naming itself. */
    @Test
    void aRenamedStatsFieldInARawWindowIsAnErrorNamingIt() throws Exception {
        writeRamp();
        Path file = results.resolve("raw").resolve("gatling").resolve("open-ramp-fixed-100ms-regular.jsonl");
        String raw = Files.readString(file);
        Files.writeString(file, raw.replaceFirst("\"max_in_flight\"", "\"peak_in_flight\""));
        assertThatThrownBy(() -> RawRun.read(file)).hasMessageContaining("line 2")
                .hasMessageContaining("missing field server.max_in_flight");
        Files.writeString(file, raw.replaceFirst("\"max_in_flight\"", "\"queued\":0,\"max_in_flight\""));
        assertThatThrownBy(() -> RawRun.read(file)).hasMessageContaining("unknown field server.queued");
        Files.writeString(file, raw.replaceFirst("\"p99\":101.0,", ""));
        assertThatThrownBy(() -> RawRun.read(file)).hasMessageContaining("missing field server.latency_ms.p99");
    }

    /** The committed raw files (results/raw/gatling) read under the same strict rules. */
    @Test
    void theCommittedRawFilesReadStrictly() throws Exception {
        Path committed = Path.of(System.getProperty("lab.root", "..")).resolve("results").resolve("raw").resolve("gatling");
        try (var files = Files.list(committed)) {
            List<Path> runs = files.filter(f -> f.toString().endsWith(".jsonl")).toList();
            assertThat(runs).isNotEmpty();
            for (Path run : runs) {
                assertThat(RawRun.read(run).windows()).as(run.toString()).isNotEmpty()
                        .allSatisfy(w -> assertThat(w.server().limit()).isPositive());
            }
        }
    }

    @Test
    void findsTheKneeAndSetsItNextToLittlesBound() throws Exception {
        writeRamp();
        GatlingReport.generate(results);
        String knee = Files.readString(results.resolve("gatling").resolve("knee.md"));
        assertThat(knee).contains("Little's bound is 10 / 100.00 ms = **100.0 rps**");
        assertThat(knee).contains("429s pass 1% at **91.0 rps** offered, **0.910 of Little's bound**");
        assertThat(knee).contains("| 100 rps | 100.0 | 94.5 | 0.945 | 5.50% |");
        assertThat(knee).contains("![knee: fixed:100ms, regular arrivals](../plots/knee-fixed-100ms-regular.svg)");
        String summary = Files.readString(results.resolve("gatling").resolve("summary.md"));
        assertThat(summary).contains("| open-ramp-fixed-100ms-regular | never above the limit | pass | max in flight 10 of 10 |");
    }

    @Test
    void thePlotIsWellFormedSvgWithOnePointPerStep() throws Exception {
        writeRamp();
        GatlingReport.generate(results);
        Path svg = results.resolve("plots").resolve("knee-fixed-100ms-regular.svg");
        var doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(svg.toFile());
        assertThat(doc.getDocumentElement().getTagName()).isEqualTo("svg");
        // Three measured series (accepted, 429 rate, server p99) of four steps each.
        assertThat(doc.getElementsByTagName("circle").getLength()).isEqualTo(12);
        assertThat(Files.readString(svg)).contains("knee 91.0 rps");
    }

    @Test
    void regeneratingGivesTheSameBytes() throws Exception {
        writeRamp();
        List<Path> first = GatlingReport.generate(results);
        Map<Path, byte[]> before = new LinkedHashMap<>();
        for (Path p : first) {
            before.put(p, Files.readAllBytes(p));
        }
        List<Path> second = GatlingReport.generate(results);
        assertThat(second).containsExactlyElementsOf(first);
        for (Path p : second) {
            assertThat(Files.readAllBytes(p)).as(p.toString()).isEqualTo(before.get(p));
        }
    }

    @Test
    void saysWhereToStartWhenThereIsNothingToReport() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> GatlingReport.generate(results))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("run ./lab gatling first");
    }
}
